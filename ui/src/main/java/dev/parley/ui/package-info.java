/**
 * JavaFX views and view-models (MVVM): video view, device pickers, call screen, settings,
 * stats overlay, chat. Lands with issue #9.
 */
package dev.parley.ui;
