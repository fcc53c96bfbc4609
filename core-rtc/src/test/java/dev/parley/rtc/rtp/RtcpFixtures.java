package dev.parley.rtc.rtp;

/** Hand-built RTCP packets following the RFC layouts; each fixture is one packet. */
final class RtcpFixtures {
    private RtcpFixtures() {}

    /** RFC 3550 §6.4.1, one report block. */
    static final String SR = """
            81 c8 00 0c   V=2 P=0 RC=1, PT=200 SR, length 12 words
            00 00 04 d2   SSRC of sender 1234
            e8 77 5c 1a   NTP timestamp, most significant word
            80 00 00 00   NTP timestamp, least significant word
            00 01 e2 40   RTP timestamp 123456
            00 00 00 64   sender's packet count 100
            00 00 3e 80   sender's octet count 16000
            00 00 16 2e   report block: SSRC 5678
            10 ff ff fe   fraction lost 16/256, cumulative lost -2 (24-bit signed)
            00 01 00 20   extended highest sequence number 65568
            00 00 00 2a   interarrival jitter 42
            5c 1a 80 00   last SR (LSR)
            00 01 00 00   delay since last SR (DLSR) 1 s
            """;
    /** RFC 3550 §6.4.1: no report blocks, one word of profile-specific extension. */
    static final String SR_WITH_EXTENSION = """
            80 c8 00 07   RC=0, PT=200, length 7
            00 00 04 d2
            e8 77 5c 1a 80 00 00 00
            00 01 e2 40
            00 00 00 64
            00 00 3e 80
            ca fe ba be   profile-specific extension
            """;
    /** RFC 3550 §6.4.2. */
    static final String RR = """
            81 c9 00 07   RC=1, PT=201 RR, length 7
            00 00 00 01   SSRC of packet sender
            00 00 04 d2   report block: SSRC 1234
            00 00 00 00   fraction lost 0, cumulative lost 0
            00 00 27 10   extended highest sequence 10000
            00 00 00 05   jitter 5
            00 00 00 00   LSR
            00 00 00 00   DLSR
            """;
    /** RFC 3550 §6.5: one chunk with a 16-byte CNAME; 2 + 16 item bytes, then 2 null octets to the word. */
    static final String SDES = """
            81 ca 00 06   SC=1, PT=202 SDES, length 6
            00 00 00 01   SSRC
            01 10         CNAME, 16 bytes
            61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70
            00 00         end of list and padding
            """;
    /** RFC 3550 §6.6 with reason "done": 1 + 4 bytes, 3 null octets. */
    static final String BYE = """
            81 cb 00 03   SC=1, PT=203 BYE, length 3
            00 00 04 d2   SSRC
            04 64 6f 6e   reason length 4, "don
            65 00 00 00   e" and padding
            """;
    /** RFC 3550 §6.7. */
    static final String APP = """
            82 cc 00 03   subtype 2, PT=204 APP, length 3
            00 00 04 d2   SSRC
            50 52 4c 59   name "PRLY"
            01 02 03 04   application data
            """;
    /** RFC 4585 §6.2.1: PID 100, BLP 0x0005 (101 and 103 lost too). */
    static final String NACK = """
            81 cd 00 03   FMT=1, PT=205 RTPFB, length 3
            00 00 00 01   SSRC of packet sender
            00 00 04 d2   SSRC of media source
            00 64 00 05   PID 100, BLP 0000 0000 0000 0101
            """;
    /** RFC 4585 §6.3.1. */
    static final String PLI = """
            81 ce 00 02   FMT=1, PT=206 PSFB, length 2
            00 00 00 01   SSRC of packet sender
            00 00 04 d2   SSRC of media source
            """;
    /** RFC 5104 §4.3.1.1: one FCI entry. */
    static final String FIR = """
            84 ce 00 04   FMT=4, PT=206 PSFB, length 4
            00 00 00 01   SSRC of packet sender
            00 00 00 00   SSRC of media source (unused)
            00 00 04 d2   FCI: SSRC 1234
            07 00 00 00   seq nr 7, reserved
            """;
    /** draft-alvestrand-rmcat-remb-03 §2.2: 1 000 000 bps = 250000 · 2^2. */
    static final String REMB = """
            8f ce 00 05   FMT=15, PT=206 PSFB, length 5
            00 00 00 01   SSRC of packet sender
            00 00 00 00   SSRC of media source: 0
            52 45 4d 42   "REMB"
            01 0b d0 90   num SSRC 1, BR exp 2, mantissa 250000
            00 00 04 d2   SSRC feedback
            """;
    /**
     * draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1: 26 statuses from seq 10 in a
     * run-length chunk, a two-bit vector and a one-bit vector; small and large deltas.
     */
    static final String TWCC = """
            8f cd 00 09   FMT=15, PT=205 RTPFB, length 9
            00 00 00 01   SSRC of packet sender
            00 00 04 d2   SSRC of media source
            00 0a 00 1a   base sequence number 10, packet status count 26
            12 34 56 07   reference time 0x123456 (64 ms units), fb pkt count 7
            20 05         run length chunk: small delta x 5 (seq 10..14)
            e1 41         two-bit vector: large, not, small, small, not, not, small (15..21)
            ac 01         one-bit vector: 1 0 1 1 0 0 0 0 0 0 0 0 0 1 (22..35)
            01 02 03 04   small deltas of 10..13
            ff            small delta of 14: 255 (63.75 ms)
            ff 9c         large delta of 15: -100 (-25 ms)
            05 06 07      small deltas of 17, 18, 21
            08 09 0a 0b   small deltas of 22, 24, 25, 35
            """;
    /** RFC 3611 §4.4 RRTR and §4.5 DLRR, plus a block type kept raw. */
    static final String XR = """
            80 cf 00 0a   PT=207 XR, length 10
            00 00 04 d2   SSRC
            04 00 00 02   BT=4 RRTR, length 2
            e8 77 5c 1a   NTP timestamp, most significant word
            80 00 00 00   NTP timestamp, least significant word
            05 00 00 03   BT=5 DLRR, length 3
            00 00 16 2e   SSRC_1
            5c 1a 80 00   last RR
            00 00 80 00   delay since last RR: 0.5 s
            2a 07 00 01   BT=42 (unknown), type-specific 7, length 1
            de ad be ef
            """;
    /** A packet type this package does not model (RFC 5760 RSI, 209), kept raw. */
    static final String UNKNOWN = """
            83 d1 00 02   count 3, PT=209
            00 00 00 01
            12 34 56 78
            """;
}
