package dev.parley.media;

import dev.parley.media.processing.AudioProcessingConfig;

/**
 * The W3C {@code MediaTrackSettings}: what a device track actually delivers. A member that does
 * not apply to the track's kind is null, as the web leaves it out (a camera has no sample rate).
 * {@code echoCancellation}, {@code noiseSuppression} and {@code autoGainControl} report which
 * stages of the audio processing really run on a microphone track. {@code displaySurface} is set
 * on screen and window tracks only.
 */
public record MediaTrackSettings(
        String deviceId,
        String groupId,
        Integer width,
        Integer height,
        Double frameRate,
        Integer sampleRate,
        Integer sampleSize,
        Integer channelCount,
        Boolean echoCancellation,
        Boolean noiseSuppression,
        Boolean autoGainControl,
        DisplaySurface displaySurface) {

    /** Settings of a camera track. */
    public static MediaTrackSettings video(MediaDeviceInfo device, int width, int height, double frameRate) {
        return new MediaTrackSettings(device.deviceId(), device.groupId(), width, height, frameRate, null, null,
                null, null, null, null, null);
    }

    /** Settings of a screen or window track ({@link MediaDevices#getDisplayMedia}). */
    public static MediaTrackSettings display(MediaDeviceInfo source, DisplaySurface surface, int width, int height,
            double frameRate) {
        return new MediaTrackSettings(source.deviceId(), source.groupId(), width, height, frameRate, null, null,
                null, null, null, null, surface);
    }

    /** Settings of a microphone track: 16-bit samples, and the processing stages that run on it. */
    public static MediaTrackSettings audio(MediaDeviceInfo device, int sampleRate, int channelCount,
            AudioProcessingConfig applied) {
        return new MediaTrackSettings(device.deviceId(), device.groupId(), null, null, null, sampleRate, 16,
                channelCount, applied.echoCancellation(), applied.noiseSuppression(), applied.autoGainControl(), null);
    }
}
