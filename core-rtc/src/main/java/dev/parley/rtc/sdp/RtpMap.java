package dev.parley.rtc.sdp;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]},
 * RFC 8866 §6.6. For audio the encoding parameters are the channel count.
 *
 * @param channels the encoding parameters (audio channels), or 0 when absent
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) implements AttributeValue {
    public static final String NAME = "rtpmap";

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        if (!SdpTokens.isToken(encodingName)) {
            throw new IllegalArgumentException("encoding name must be a token: " + encodingName);
        }
        if (clockRate <= 0 || channels < 0 || channels > 255) {
            throw new IllegalArgumentException("bad clock rate/channels: " + clockRate + "/" + channels);
        }
    }

    public RtpMap(int payloadType, String encodingName, int clockRate) {
        this(payloadType, encodingName, clockRate, 0);
    }

    public static RtpMap parse(String value) throws SdpParseException {
        var f = SdpTokens.split(value);
        if (f.size() != 2) {
            throw new SdpParseException("rtpmap needs <payload type> <encoding>/<clock rate>, got "
                    + SdpTokens.quote(value));
        }
        int pt = SdpTokens.payloadType(f.get(0));
        String[] enc = f.get(1).split("/", -1);
        if (enc.length < 2 || enc.length > 3) {
            throw new SdpParseException("rtpmap encoding " + SdpTokens.quote(f.get(1))
                    + " is not <name>/<clock rate>[/<parameters>]");
        }
        String name = SdpTokens.token(enc[0], "encoding name");
        int rate = SdpTokens.parseInt(enc[1], 1, Integer.MAX_VALUE, "clock rate");
        int channels = enc.length == 3 ? SdpTokens.parseInt(enc[2], 1, 255, "channel count") : 0;
        return new RtpMap(pt, name, rate, channels);
    }

    /** Audio channel count, defaulting to 1 when not given (RFC 8866 §6.6). */
    public int channelsOrDefault() {
        return channels == 0 ? 1 : channels;
    }

    public String toValue() {
        return payloadType + " " + encodingName + "/" + clockRate + (channels == 0 ? "" : "/" + channels);
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
