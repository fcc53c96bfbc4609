/**
 * JavaFX views and view-models (MVVM; see docs/ui.md). Today: {@link dev.parley.ui.FxThread},
 * the one way to the FX thread, and {@link dev.parley.ui.DialogService}; the video view is in
 * {@code dev.parley.ui.video}. The screens of issue #9 (first run, main window, calls, settings)
 * come next.
 */
package dev.parley.ui;
