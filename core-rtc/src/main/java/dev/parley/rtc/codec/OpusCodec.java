package dev.parley.rtc.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opus (RFC 6716) through FFmpeg's libopus encoder and decoder: 48 kHz, 20 ms frames, mono,
 * in-band FEC on. No DTX: FFmpeg 8.1's libopus wrapper can not turn it on. SDP signals {@code opus/48000/2} whatever is sent (RFC 7587 §7).
 */
public final class OpusCodec implements AudioCodecFactory {
    /** Chromium's payload type for Opus. */
    public static final int PAYLOAD_TYPE = 111;
    public static final int CLOCK_RATE = 48_000;
    /** 20 ms at 48 kHz: what every packet carries. */
    public static final int FRAME_SAMPLES = 960;

    private final FfmpegNatives natives;
    private final OpusEncoder.Settings settings;

    /** Opus at 32 kbit/s, FEC sized for 10% loss. */
    public OpusCodec(FfmpegNatives natives) {
        this(natives, OpusEncoder.Settings.DEFAULTS);
    }

    public OpusCodec(FfmpegNatives natives, OpusEncoder.Settings settings) {
        this.natives = natives;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "opus";
    }

    @Override
    public int clockRate() {
        return CLOCK_RATE;
    }

    @Override
    public int channels() {
        return 2;
    }

    @Override
    public Map<String, String> fmtp() {
        Map<String, String> fmtp = new LinkedHashMap<>();
        fmtp.put("minptime", "10");
        fmtp.put("useinbandfec", "1");
        return fmtp;
    }

    @Override
    public int preferredPayloadType() {
        return PAYLOAD_TYPE;
    }

    @Override
    public void checkAvailable() throws CodecUnavailableException {
        natives.require(name());
        FfmpegCodecs.requireEncoder(name(), "libopus");
        FfmpegCodecs.requireDecoder(name(), "libopus");
    }

    @Override
    public AudioEncoder createEncoder() throws CodecUnavailableException {
        checkAvailable();
        return new OpusEncoder(settings);
    }

    @Override
    public AudioDecoder createDecoder() throws CodecUnavailableException {
        checkAvailable();
        return new OpusDecoder();
    }
}
