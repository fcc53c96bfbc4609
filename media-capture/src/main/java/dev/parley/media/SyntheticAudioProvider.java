package dev.parley.media;

import dev.parley.rtc.media.ToneGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Microphones with no hardware: a tone microphone (core-rtc's {@link ToneGenerator}, always
 * present) and one file microphone per WAV file it is given, played in a loop. For tests, demos
 * and machines with no sound card; clearly labelled so nobody calls with one by mistake.
 *
 * <p>Their audio is not processed unless a track's constraints ask for a stage by setting
 * {@code echoCancellation}, {@code noiseSuppression} or {@code autoGainControl} to true: a test
 * tone or a recording should arrive as it was made (a noise suppressor would take a steady tone
 * for noise). Asked for, the processing runs as on a real microphone, with the speakers of the
 * {@link MediaDevices} as echo reference, for tests of the processing with known signals.
 */
public final class SyntheticAudioProvider implements DeviceProvider {
    static final String DRIVER = "parley-synthetic";
    private static final double TONE_AMPLITUDE = 0.25;

    private final double toneHz;
    private final List<Path> wavFiles;

    /**
     * @param toneHz the tone microphone's frequency (below 24 kHz)
     * @param wavFiles each becomes a file microphone
     */
    public SyntheticAudioProvider(double toneHz, List<Path> wavFiles) {
        if (!(toneHz > 0 && toneHz < WavFileAudio.RATE / 2.0)) {
            throw new IllegalArgumentException("toneHz must be between 0 and 24000, got " + toneHz);
        }
        this.toneHz = toneHz;
        this.wavFiles = List.copyOf(wavFiles);
    }

    @Override
    public List<MediaDeviceInfo> devices() {
        List<MediaDeviceInfo> devices = new ArrayList<>();
        devices.add(toneDevice());
        for (Path file : wavFiles) {
            String path = file.toAbsolutePath().normalize().toString();
            devices.add(new MediaDeviceInfo(MediaDeviceInfo.stableId("audioinput", DRIVER, "file", path),
                    MediaDeviceKind.AUDIO_INPUT, "Parley file microphone: " + file.getFileName(),
                    MediaDeviceInfo.stableId(DRIVER, "file", path)));
        }
        return devices;
    }

    @Override
    public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints) {
        return open(device, constraints, new EchoReference());
    }

    @Override
    public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints, EchoReference echo) {
        if (device.equals(toneDevice())) {
            int channels = channels(constraints, 1);
            requireRate(constraints);
            ToneGenerator tone = new ToneGenerator(toneHz, TONE_AMPLITUDE, WavFileAudio.RATE, channels);
            return new PacedMicrophone(device, WavFileAudio.RATE, channels, constraints, echo, tone::nextFrame);
        }
        for (Path file : wavFiles) {
            String path = file.toAbsolutePath().normalize().toString();
            if (device.deviceId().equals(MediaDeviceInfo.stableId("audioinput", DRIVER, "file", path))) {
                requireRate(constraints);
                WavFileAudio audio = new WavFileAudio(file);
                ConstrainNumber.resolve(constraints.channelCount(), "channelCount", audio.channels(),
                        audio.channels(), audio.channels());
                return new PacedMicrophone(device, WavFileAudio.RATE, audio.channels(), constraints, echo, audio);
            }
        }
        throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, device.label() + " is not a synthetic microphone");
    }

    @Override
    public String toString() {
        return "synthetic microphones";
    }

    private MediaDeviceInfo toneDevice() {
        return new MediaDeviceInfo(MediaDeviceInfo.stableId("audioinput", DRIVER, "tone"), MediaDeviceKind.AUDIO_INPUT,
                "Parley synthetic microphone (" + Math.round(toneHz) + " Hz tone)", MediaDeviceInfo.stableId(DRIVER, "tone"));
    }

    private static int channels(MediaTrackConstraints constraints, int fallback) {
        return (int) Math.round(ConstrainNumber.resolve(constraints.channelCount(), "channelCount", 1, 2, fallback));
    }

    private static void requireRate(MediaTrackConstraints constraints) {
        ConstrainNumber.resolve(constraints.sampleRate(), "sampleRate", WavFileAudio.RATE, WavFileAudio.RATE,
                WavFileAudio.RATE);
    }
}
