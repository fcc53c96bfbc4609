package dev.parley.media;

import dev.parley.media.SoundSystem.CaptureLine;
import dev.parley.media.SoundSystem.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Microphones and speakers through javax.sound.sampled: one microphone per mixer that can
 * capture, one speaker per mixer that can play, with the mixer's input and output in one group.
 * Tracks are 48 kHz 16-bit, 10 ms frames; a device that can not capture at 48 kHz is opened at
 * another rate and resampled. Ids come from the mixer's vendor and name, stable across restarts.
 *
 * <p>Microphones run the audio processing (echo cancellation, noise suppression, gain control)
 * unless their constraints turn it off; speakers feed the echo reference they are given. Opened
 * without one (the two-argument methods), each device gets a reference of its own: no echo
 * cancellation between them.
 */
public final class JavaSoundProvider implements DeviceProvider {
    static final String DRIVER = "javax.sound";
    /** Rates to try, best first: 48 kHz needs no resampling. */
    private static final int[] RATES = {48_000, 44_100, 96_000, 32_000, 16_000, 8_000};
    private static final int CAPTURE_BUFFER_MILLIS = 100;

    private final SoundSystem sound;

    /** The machine's sound system. */
    public JavaSoundProvider() {
        this(new JavaSoundSystem());
    }

    JavaSoundProvider(SoundSystem sound) {
        this.sound = sound;
    }

    @Override
    public List<MediaDeviceInfo> devices() {
        List<MediaDeviceInfo> devices = new ArrayList<>();
        for (Endpoint endpoint : sound.endpoints()) {
            if (endpoint.canCapture()) {
                devices.add(info(endpoint, MediaDeviceKind.AUDIO_INPUT));
            }
            if (endpoint.canPlay()) {
                devices.add(info(endpoint, MediaDeviceKind.AUDIO_OUTPUT));
            }
        }
        return devices;
    }

    @Override
    public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints) {
        return open(device, constraints, new EchoReference());
    }

    @Override
    public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints, EchoReference echo) {
        Endpoint endpoint = endpoint(device, MediaDeviceKind.AUDIO_INPUT);
        ConstrainNumber.resolve(constraints.sampleRate(), "sampleRate", TenMillisecondFrames.RATE,
                TenMillisecondFrames.RATE, TenMillisecondFrames.RATE);
        int channels = (int) Math.round(ConstrainNumber.resolve(constraints.channelCount(), "channelCount", 1, 2, 1));
        CaptureLine line = sound.openCapture(endpoint, RATES, channels, CAPTURE_BUFFER_MILLIS);
        try {
            return new MicrophoneCapture(line, device, constraints, echo);
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }

    @Override
    public AudioOutput openOutput(MediaDeviceInfo device) {
        return openOutput(device, new EchoReference());
    }

    @Override
    public AudioOutput openOutput(MediaDeviceInfo device, EchoReference echo) {
        return new SpeakerOutput(sound, endpoint(device, MediaDeviceKind.AUDIO_OUTPUT), device, echo);
    }

    @Override
    public String toString() {
        return "javax.sound microphones and speakers";
    }

    private Endpoint endpoint(MediaDeviceInfo device, MediaDeviceKind kind) {
        for (Endpoint endpoint : sound.endpoints()) {
            if (info(endpoint, kind).equals(device)) {
                return endpoint;
            }
        }
        throw new MediaDeviceException(MediaDeviceException.NOT_FOUND, device.label() + " is no longer present");
    }

    private static MediaDeviceInfo info(Endpoint endpoint, MediaDeviceKind kind) {
        return new MediaDeviceInfo(MediaDeviceInfo.stableId(kind.w3cName(), DRIVER, endpoint.vendor(), endpoint.name()),
                kind, endpoint.name(), MediaDeviceInfo.stableId(DRIVER, endpoint.vendor(), endpoint.name()));
    }
}
