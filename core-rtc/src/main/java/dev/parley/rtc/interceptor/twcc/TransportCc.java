package dev.parley.rtc.interceptor.twcc;

/** The transport-wide sequence number header extension: its URI and its two-byte value. */
public final class TransportCc {
    /** The extension's URI in {@code a=extmap} (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2). */
    public static final String EXTENSION_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** The rtcp-fb value that asks for the feedback. */
    public static final String FEEDBACK = "transport-cc";

    private TransportCc() {}

    static byte[] encode(int sequenceNumber) {
        return new byte[] {(byte) (sequenceNumber >>> 8), (byte) sequenceNumber};
    }

    /** The sequence number in an extension element, or -1 when the element is not two bytes. */
    static int decode(byte[] element) {
        if (element == null || element.length != 2) {
            return -1;
        }
        return (element[0] & 0xFF) << 8 | element[1] & 0xFF;
    }
}
