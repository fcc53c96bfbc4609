/** Rendering video tracks in JavaFX: {@link dev.parley.ui.video.VideoView}. */
package dev.parley.ui.video;
