/**
 * JavaFX views and view-models (MVVM; see docs/ui.md). This package holds what all screens
 * share: {@link dev.parley.ui.FxThread}, the one way to the FX thread, {@link dev.parley.ui.DialogService},
 * {@link dev.parley.ui.Messages}, {@link dev.parley.ui.Ticker} and {@link dev.parley.ui.Theme}.
 * The ports the app implements are in {@code dev.parley.ui.port}, the video view in
 * {@code dev.parley.ui.video}, and each screen in its own package ({@code firstrun}, {@code main},
 * {@code ringing}, {@code call}).
 */
package dev.parley.ui;
