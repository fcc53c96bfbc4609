package dev.parley.rtc.media;

/**
 * What a {@link VideoDepacketizer} made of one frame's packets: the encoded frame (a VP8 frame,
 * an H.264 access unit in Annex B form), or why it is incomplete.
 *
 * @param complete whether every packet was there and the data can go to a decoder
 * @param missing when incomplete, what is missing; empty otherwise
 * @param data the encoded frame; empty when incomplete
 * @param keyFrame whether the frame is a key frame (VP8 P bit clear, H.264 holds an IDR slice), as
 *     far as the packets present show
 * @param timestamp the RTP timestamp of the packets
 */
public record DepacketizedFrame(boolean complete, String missing, byte[] data, boolean keyFrame, long timestamp) {

    static DepacketizedFrame complete(byte[] data, boolean keyFrame, long timestamp) {
        return new DepacketizedFrame(true, "", data, keyFrame, timestamp);
    }

    static DepacketizedFrame incomplete(String missing, boolean keyFrame, long timestamp) {
        return new DepacketizedFrame(false, missing, new byte[0], keyFrame, timestamp);
    }

    @Override
    public String toString() {
        return complete ? "DepacketizedFrame[" + data.length + " bytes" + (keyFrame ? ", key" : "") + ", ts " + timestamp + "]"
                : "DepacketizedFrame[incomplete: " + missing + ", ts " + timestamp + "]";
    }
}
