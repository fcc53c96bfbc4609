/**
 * Audio processing for microphone tracks (issue #10): echo cancellation, noise suppression,
 * automatic gain control and voice activity detection, in Java. {@link dev.parley.media.processing.AudioProcessing}
 * is the whole chain; the device code in {@code dev.parley.media} feeds it. The stages, why each is
 * built the way it is, and the measured numbers are in {@code docs/audio-processing.md}.
 */
package dev.parley.media.processing;
