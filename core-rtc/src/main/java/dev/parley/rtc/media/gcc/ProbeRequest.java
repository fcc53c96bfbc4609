package dev.parley.rtc.media.gcc;

/**
 * A probe the pacer should send: {@code bytes} of media and padding at {@code rateBps}, however
 * fast the encoder produces. Whether the path delivers them at that rate is the measurement.
 *
 * @param id which probe (for matching its {@link SentProbe})
 */
public record ProbeRequest(int id, long rateBps, int bytes) {
    public ProbeRequest {
        if (rateBps <= 0 || bytes <= 0) {
            throw new IllegalArgumentException("a probe needs a rate and bytes: " + rateBps + " bit/s, " + bytes + " B");
        }
    }
}
