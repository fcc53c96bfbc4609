package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.rtc.testutil.Hex;
import org.junit.jupiter.api.Test;

class PacketDemultiplexerTest {

    @Test
    void realPacketsOfEachProtocolAreRecognised() {
        // RFC 5769 §2.1: a Binding request.
        assertEquals(PacketKind.STUN, PacketDemultiplexer.classify(Hex.bytes("000100582112a442b7e7a701bc34d686fa87dfae")));
        // A DTLS 1.2 handshake record (content type 22, version FEFD).
        assertEquals(PacketKind.DTLS, PacketDemultiplexer.classify(Hex.bytes("16fefd000000000000000000")));
        // A DTLS application-data record (content type 23), as SCTP rides on it.
        assertEquals(PacketKind.DTLS, PacketDemultiplexer.classify(Hex.bytes("17fefd000100000000000100")));
        // RTP: V=2, PT=111 (Opus), no marker; and PT=96 with the marker set.
        assertEquals(PacketKind.RTP, PacketDemultiplexer.classify(Hex.bytes("806f1234000000010badcafe")));
        assertEquals(PacketKind.RTP, PacketDemultiplexer.classify(Hex.bytes("80e01234000000010badcafe")));
        // RTCP: RR (201), SR (200), PSFB (206) — the reduced-size PLI Chromium sends.
        assertEquals(PacketKind.RTCP, PacketDemultiplexer.classify(Hex.bytes("81c90007")));
        assertEquals(PacketKind.RTCP, PacketDemultiplexer.classify(Hex.bytes("80c80006")));
        assertEquals(PacketKind.RTCP, PacketDemultiplexer.classify(Hex.bytes("81ce0002")));
        // TURN ChannelData on channel 0x4000.
        assertEquals(PacketKind.TURN_CHANNEL, PacketDemultiplexer.classify(Hex.bytes("40000004deadbeef")));
    }

    @Test
    void everyFirstByteFallsInExactlyTheRangeRfc7983Gives() {
        for (int first = 0; first < 256; first++) {
            for (int second = 0; second < 256; second++) {
                PacketKind expected;
                if (first <= 3) {
                    expected = PacketKind.STUN;
                } else if (first >= 16 && first <= 19) {
                    expected = PacketKind.ZRTP;
                } else if (first >= 20 && first <= 63) {
                    expected = PacketKind.DTLS;
                } else if (first >= 64 && first <= 79) {
                    expected = PacketKind.TURN_CHANNEL;
                } else if (first >= 128 && first <= 191) {
                    expected = second >= 192 && second <= 223 ? PacketKind.RTCP : PacketKind.RTP;
                } else {
                    expected = PacketKind.UNKNOWN;
                }
                assertEquals(expected, PacketDemultiplexer.classify(new byte[] {(byte) first, (byte) second}),
                        "bytes " + first + ", " + second);
            }
        }
    }

    @Test
    void emptyAndOutOfRangeSlicesAreUnknown() {
        assertEquals(PacketKind.UNKNOWN, PacketDemultiplexer.classify(new byte[0]));
        byte[] rtp = Hex.bytes("806f1234");
        assertEquals(PacketKind.UNKNOWN, PacketDemultiplexer.classify(rtp, 3, 2));
        assertEquals(PacketKind.UNKNOWN, PacketDemultiplexer.classify(rtp, -1, 2));
        assertEquals(PacketKind.UNKNOWN, PacketDemultiplexer.classify(rtp, 0, 0));
        assertEquals(PacketKind.RTP, PacketDemultiplexer.classify(rtp, 0, 4));
        assertEquals(PacketKind.RTP, PacketDemultiplexer.classify(rtp, 0, 1), "one byte: RTP by RFC 7983, the RTP parser rejects it");
    }
}
