package dev.parley.rtc.codec;

/**
 * One encoded RTP payload and how far it moves the RTP timestamp: the number of samples per
 * channel it holds at the codec's clock rate (RFC 3550 §5.1). The payload array is handed to the
 * caller, who owns it from then on (no copy on the media path).
 *
 * @param payload the RTP payload bytes
 * @param timestampUnits RTP timestamp units (clock ticks) that the payload covers, 0 or more
 */
public record EncodedAudio(byte[] payload, int timestampUnits) {

    public EncodedAudio {
        if (payload == null) {
            throw new IllegalArgumentException("payload must not be null");
        }
        if (timestampUnits < 0) {
            throw new IllegalArgumentException("timestampUnits must not be negative, got " + timestampUnits);
        }
    }

    /** By content: two results are equal if they carry the same bytes and duration. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedAudio that
                && timestampUnits == that.timestampUnits
                && java.util.Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(payload) + timestampUnits;
    }

    @Override
    public String toString() {
        return "EncodedAudio[" + payload.length + " bytes, " + timestampUnits + " timestamp units]";
    }
}
