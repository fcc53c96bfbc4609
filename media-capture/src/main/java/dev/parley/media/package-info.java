/**
 * Devices: cameras, microphones, speakers, synthetic and file sources, behind
 * {@code MediaDevices.enumerateDevices()} and {@code getUserMedia()}. Lands with issue #7.
 */
package dev.parley.media;
