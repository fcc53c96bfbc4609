package dev.parley.media;

import dev.parley.media.processing.AudioProcessing;
import dev.parley.media.processing.CaptureResult;
import dev.parley.rtc.AudioFrame.VoiceActivity;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * UNTIL THE DSP LANDS (branch apm-dsp, issue #10): the two calls the device side needs from
 * {@link AudioProcessing} that its interim pass-through contract does not have yet, looked up once
 * and used only when present, so that this builds against either version:
 *
 * <ul>
 *   <li>{@code public void setDelayHintMillis(double millis)}: the measured device-buffer delay
 *       between playout and capture ({@link EchoPathDelay#totalMillis()}), once per capture frame,
 *       to seed and check the echo canceller's own delay estimate;
 *   <li>{@code public boolean detectsVoice()}: whether {@link CaptureResult#voiceActive()} is a
 *       real detection; the pass-through says "no voice" for every frame, which must not reach
 *       Opus DTX (it would stop sending speech).
 * </ul>
 *
 * When both are on {@link AudioProcessing}, replace this class with direct calls.
 */
final class ProcessingContractHooks {
    private static final MethodHandle SET_DELAY_HINT = find("setDelayHintMillis",
            MethodType.methodType(void.class, double.class));
    private static final MethodHandle DETECTS_VOICE = find("detectsVoice", MethodType.methodType(boolean.class));

    private ProcessingContractHooks() {}

    /** Whether {@code setDelayHintMillis} exists, i.e. {@link #setDelayHint} reaches the processing. */
    static boolean takesDelayHint() {
        return SET_DELAY_HINT != null;
    }

    /** Passes the measured delay on, where the processing takes it. */
    static void setDelayHint(AudioProcessing processing, double millis) {
        if (SET_DELAY_HINT == null) {
            return;
        }
        try {
            SET_DELAY_HINT.invokeExact(processing, millis);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("setDelayHintMillis failed", e);
        }
    }

    /** What {@code result} says of speech, or UNKNOWN while the processing does not detect it. */
    static VoiceActivity voiceActivity(AudioProcessing processing, CaptureResult result) {
        if (DETECTS_VOICE == null) {
            return VoiceActivity.UNKNOWN;
        }
        boolean detects;
        try {
            detects = (boolean) DETECTS_VOICE.invokeExact(processing);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("detectsVoice failed", e);
        }
        if (!detects) {
            return VoiceActivity.UNKNOWN;
        }
        return result.voiceActive() ? VoiceActivity.ACTIVE : VoiceActivity.INACTIVE;
    }

    private static MethodHandle find(String name, MethodType type) {
        try {
            return MethodHandles.publicLookup().findVirtual(AudioProcessing.class, name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
