package dev.parley.rtc.codec;

import java.util.Map;

/**
 * A video codec whose encoder and decoder are FFmpeg codecs by name: what VP8 and H.264 share.
 * A subclass gives its SDP description, its FFmpeg encoder and decoder names and the encoder's
 * tuning.
 */
abstract class FfmpegVideoCodec implements VideoCodecFactory {
    private final FfmpegNatives natives;
    private final String name;
    private final String encoderName;
    private final String decoderName;
    private final int payloadType;
    private final Map<String, String> fmtp;

    FfmpegVideoCodec(FfmpegNatives natives, String name, String encoderName, String decoderName, int payloadType,
            Map<String, String> fmtp) {
        this.natives = natives;
        this.name = name;
        this.encoderName = encoderName;
        this.decoderName = decoderName;
        this.payloadType = payloadType;
        this.fmtp = fmtp;
    }

    /** How the FFmpeg encoder is set up for calls. */
    abstract FfmpegVideoEncoder.Tuning tuning();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, String> fmtp() {
        return fmtp;
    }

    @Override
    public final int preferredPayloadType() {
        return payloadType;
    }

    @Override
    public final void checkAvailable() throws CodecUnavailableException {
        natives.require(name);
        FfmpegCodecs.requireEncoder(name, encoderName);
        FfmpegCodecs.requireDecoder(name, decoderName);
    }

    @Override
    public final VideoEncoder createEncoder(VideoEncoderConfig config) throws CodecUnavailableException {
        checkAvailable();
        return new FfmpegVideoEncoder(name, encoderName, tuning(), config);
    }

    @Override
    public final VideoDecoder createDecoder() throws CodecUnavailableException {
        checkAvailable();
        return new FfmpegVideoDecoder(name, decoderName);
    }
}
