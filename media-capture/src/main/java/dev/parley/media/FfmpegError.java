package dev.parley.media;

import java.util.Optional;

/**
 * FFmpeg's own error code behind a {@link MediaDeviceException} from an {@link FfmpegVideoInput}
 * (its cause), for callers that know what a code means for their input format: x11grab's
 * "input/output error" at opening means there is no such display, which the generic mapping can
 * only call unreadable.
 */
final class FfmpegError extends Exception {
    private static final long serialVersionUID = 1L;
    /** {@code AVERROR(ENOENT)}, {@code AVERROR(EIO)}, {@code AVERROR(ENODEV)}: FFmpeg's codes are negated errnos. */
    static final int ENOENT = -2;
    static final int EIO = -5;
    static final int ENODEV = -19;

    private final int code;

    FfmpegError(int code, String description) {
        super(description + " (" + code + ")", null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The FFmpeg code of {@code failure}, if FFmpeg's input reported it. */
    static Optional<Integer> of(MediaDeviceException failure) {
        return failure.getCause() instanceof FfmpegError error ? Optional.of(error.code) : Optional.empty();
    }
}
