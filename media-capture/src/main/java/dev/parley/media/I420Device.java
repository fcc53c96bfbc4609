package dev.parley.media;

import dev.parley.rtc.VideoFrame;

/**
 * A webcam-capture device that can hand out I420 pictures at any size itself (FFmpeg's, through
 * swscale), so {@link CameraCapture} takes them as they are instead of through RGB.
 */
interface I420Device {
    /**
     * The next picture at {@code width}x{@code height}, stamped with the time it was read; null
     * when the device is not open.
     *
     * @throws RuntimeException when the device failed (unplugged, unreadable): the track ends
     */
    VideoFrame readI420(int width, int height);
}
