package dev.parley.rtc.sdp;

/**
 * {@code a=msid:<stream-id> [<app-data>]}, RFC 8830 §2 (stream id "-" means no stream).
 * Chromium puts the track id in app-data.
 *
 * @param appData the track id, or null when absent
 */
public record Msid(String streamId, String appData) implements AttributeValue {
    public static final String NAME = "msid";
    /** The stream id of a track in no stream (RFC 8830 §2). */
    public static final String NO_STREAM = "-";

    public Msid {
        SdpTokens.requireWord(streamId, "msid stream id");
        if (appData != null) {
            SdpTokens.requireWord(appData, "msid app data");
        }
    }

    public static Msid parse(String value) throws SdpParseException {
        var f = SdpTokens.split(value);
        if (f.isEmpty() || f.size() > 2) {
            throw new SdpParseException("msid needs <stream-id> [<app-data>], got " + SdpTokens.quote(value));
        }
        return new Msid(f.get(0), f.size() == 2 ? f.get(1) : null);
    }

    public String toValue() {
        return appData == null ? streamId : streamId + " " + appData;
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
