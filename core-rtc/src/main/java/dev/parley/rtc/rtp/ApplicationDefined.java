package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * APP packet, PT 204 (RFC 3550 §6.7): subtype (5 bits), SSRC, a 4-character name and
 * application data in whole 32-bit words.
 *
 * @param name four characters, one byte each (ISO-8859-1 keeps any byte value exact)
 */
public record ApplicationDefined(int subtype, long ssrc, String name, byte[] data) implements RtcpPacket {

    public ApplicationDefined {
        Check.bits(subtype, 5, "subtype");
        Check.u32(ssrc, "SSRC");
        if (name.length() != 4 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("APP name must be 4 single-byte characters: " + name);
        }
        data = Check.words(data, "APP data");
    }

    static ApplicationDefined parse(int subtype, ByteReader in) throws RtpParseException {
        long ssrc = in.u32("APP SSRC");
        String name = new String(in.bytes(4, "APP name"), StandardCharsets.ISO_8859_1);
        return new ApplicationDefined(subtype, ssrc, name, in.bytes(in.remaining(), "APP data"));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int packetType() {
        return Rtcp.APP;
    }

    @Override
    public int countOrFormat() {
        return subtype;
    }

    @Override
    public int contentLength() {
        return 8 + data.length;
    }

    @Override
    public void writeContent(ByteBuffer out) {
        Rtcp.putU32(out, ssrc);
        out.put(name.getBytes(StandardCharsets.ISO_8859_1));
        out.put(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicationDefined a && a.subtype == subtype && a.ssrc == ssrc && a.name.equals(name)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * subtype + Long.hashCode(ssrc) + name.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ApplicationDefined[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name + ", data="
                + RtpText.hex(data) + "]";
    }
}
