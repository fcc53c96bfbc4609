package dev.parley.rtc.sctp;

/**
 * A DATA chunk with no user data: length 16, only the header (RFC 9260 §3.3.1). The packet is not
 * parsed, but RFC 9260 §6.2 has the receiver answer with an ABORT carrying the "No User Data"
 * cause (§3.3.10.9) with this chunk's TSN, so the exception keeps the TSN and the packet's
 * verification tag (to be checked before answering, §8.5).
 */
public final class SctpNoUserDataException extends SctpParseException {
    private final long tsn;
    private final long verificationTag;

    public SctpNoUserDataException(String message, long tsn, long verificationTag) {
        super(message);
        this.tsn = tsn;
        this.verificationTag = verificationTag;
    }

    /** The TSN of the empty DATA chunk. */
    public long tsn() {
        return tsn;
    }

    /** The verification tag of the packet that carried it. */
    public long verificationTag() {
        return verificationTag;
    }
}
