package dev.parley.rtc.media;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** The RTP payload format of each video codec Parley carries: how its frames become packets and back. */
public enum VideoPayloadFormat {
    /** RFC 7741: the S bit and partition index mark a frame's first packet. */
    VP8(true) {
        @Override
        public VideoPacketizer packetizer(int maxPayloadSize, Random random) {
            return new Vp8Packetizer(maxPayloadSize, random);
        }

        @Override
        public VideoDepacketizer depacketizer() {
            return new Vp8Depacketizer();
        }

        @Override
        public FrameQpParser qpParser() {
            return new Vp8QpParser();
        }
    },
    /** RFC 6184 packetization mode 1: nothing marks a frame's first packet but the previous marker. */
    H264(false) {
        @Override
        public VideoPacketizer packetizer(int maxPayloadSize, Random random) {
            return new H264Packetizer(maxPayloadSize);
        }

        @Override
        public VideoDepacketizer depacketizer() {
            return new H264Depacketizer();
        }

        @Override
        public FrameQpParser qpParser() {
            return new H264QpParser();
        }
    };

    private final boolean explicitFrameStart;

    VideoPayloadFormat(boolean explicitFrameStart) {
        this.explicitFrameStart = explicitFrameStart;
    }

    /** The format of a codec by its SDP encoding name ("VP8", "H264"), if Parley carries it. */
    public static Optional<VideoPayloadFormat> of(String codecName) {
        return switch (codecName.toUpperCase(Locale.ROOT)) {
            case "VP8" -> Optional.of(VP8);
            case "H264" -> Optional.of(H264);
            default -> Optional.empty();
        };
    }

    /** Whether a packet says that it starts a frame (for {@link VideoFrameAssembler}). */
    public boolean explicitFrameStart() {
        return explicitFrameStart;
    }

    public abstract VideoPacketizer packetizer(int maxPayloadSize, Random random);

    public abstract VideoDepacketizer depacketizer();

    /** Reads each frame's QP from the bitstream, for one stream (a new one per stream). */
    public abstract FrameQpParser qpParser();
}
