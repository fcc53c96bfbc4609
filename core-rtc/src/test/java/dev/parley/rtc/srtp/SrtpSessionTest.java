package dev.parley.rtc.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour of a sender/receiver pair of sessions: round trips, ROC, replay, tampering, bad input. */
class SrtpSessionTest {
    private static final int SSRC = 0x11223344;

    /** A sender session and the peer that receives from it, keyed as DTLS-SRTP would key them. */
    static SrtpSession[] pair(SrtpProfile profile) {
        byte[] material = new byte[profile.exportedKeyingMaterialLength()];
        new Random(7).nextBytes(material);
        SrtpSession client = DtlsSrtpKeys.split(material, profile, true).newSession();
        SrtpSession server = DtlsSrtpKeys.split(material, profile, false).newSession();
        return new SrtpSession[] {client, server};
    }

    static byte[] rtp(int seq, int ssrc, int payloadLength) {
        byte[] p = new byte[12 + payloadLength];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[4] = 0x12;
        PacketTransform.putInt(p, 8, ssrc);
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (i * 31 + seq);
        }
        return p;
    }

    /** RTP with two CSRCs and a 2-word RFC 8285 one-byte header extension. */
    static byte[] rtpWithCsrcsAndExtension(int seq) {
        byte[] fixed = rtp(seq, SSRC, 0);
        byte[] csrcs = HexFormat.of().parseHex("0000000a0000000b");
        byte[] ext = HexFormat.of().parseHex("bede0002" + "10ff" + "2102aabb" + "00");
        byte[] payload = "hello from behind the extension".getBytes();
        byte[] p = new byte[12 + csrcs.length + 4 + 8 + payload.length];
        System.arraycopy(fixed, 0, p, 0, 12);
        p[0] = (byte) (0x80 | 0x10 | 2);
        System.arraycopy(csrcs, 0, p, 12, csrcs.length);
        System.arraycopy(ext, 0, p, 20, ext.length);
        System.arraycopy(payload, 0, p, 32, payload.length);
        return p;
    }

    static byte[] compoundRtcp() {
        // SR (no report blocks) + SDES with CNAME "ab" + BYE, all from SSRC.
        return HexFormat.of().parseHex(("80c80006 11223344 e8e4b2c0 00000000 00001234 00000010 00000800"
                + "81ca0003 11223344 01026162 00000000"
                + "81cb0001 11223344").replace(" ", ""));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripsRtpAndRtcp(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        for (byte[] plain : new byte[][] {rtp(1, SSRC, 1200), rtp(2, SSRC, 0), rtpWithCsrcsAndExtension(3)}) {
            byte[] srtp = s[0].protectRtp(plain);
            assertEquals(plain.length + profile.rtpTagLength(), srtp.length);
            int headerLength = RtpHeaders.headerLength(plain, 0, plain.length);
            assertArrayEquals(Arrays.copyOf(plain, headerLength), Arrays.copyOf(srtp, headerLength),
                    "the header stays in the clear");
            if (plain.length > headerLength) {
                assertFalse(Arrays.equals(Arrays.copyOfRange(plain, headerLength, plain.length),
                        Arrays.copyOfRange(srtp, headerLength, plain.length)), "the payload is encrypted");
            }
            assertArrayEquals(plain, s[1].unprotectRtp(srtp));
        }
        byte[] rtcp = compoundRtcp();
        for (int i = 0; i < 3; i++) {
            byte[] srtcp = s[0].protectRtcp(rtcp);
            assertEquals(rtcp.length + 4 + profile.rtcpTagLength(), srtcp.length);
            assertArrayEquals(Arrays.copyOf(rtcp, 8), Arrays.copyOf(srtcp, 8));
            assertArrayEquals(rtcp, s[1].unprotectRtcp(srtcp));
        }
        // Both directions: the server's packets go back to the client under the other key.
        byte[] back = rtp(9, 0x55, 100);
        assertArrayEquals(back, s[0].unprotectRtp(s[1].protectRtp(back)));
        assertThrows(SrtpException.class, () -> s[0].unprotectRtp(s[0].protectRtp(rtp(10, SSRC, 10))),
                "a packet protected with our own key does not verify as the peer's");
        assertEquals(0, s[1].authFailures() + s[1].replayed() + s[1].malformed());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void sequenceWrapMovesTheRolloverCounter(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        // Starts mid-stream at 65000 (the receiver has never seen this SSRC) and crosses 65535 -> 0 twice.
        int seq = 65000;
        for (int i = 0; i < 2 * 65536 + 100; i += 97) {
            int n = (seq + i) & 0xFFFF;
            byte[] plain = rtp(n, SSRC, 40);
            assertArrayEquals(plain, s[1].unprotectRtp(s[0].protectRtp(plain)), "seq " + n + " at step " + i);
        }
        assertEquals(0, s[1].authFailures());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reorderingAcrossTheWrapIsAcceptedOnce(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        byte[][] sent = new byte[8][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = s[0].protectRtp(rtp((65532 + i) & 0xFFFF, SSRC, 20)); // 65532..65535, 0..3
        }
        int[] order = {0, 5, 1, 4, 7, 2, 3, 6};
        for (int i : order) {
            assertArrayEquals(rtp((65532 + i) & 0xFFFF, SSRC, 20), s[1].unprotectRtp(sent[i]));
        }
        for (int i : order) {
            SrtpException e = assertThrows(SrtpException.class, () -> s[1].unprotectRtp(sent[i]));
            assertEquals(SrtpException.Reason.REPLAYED, e.reason());
        }
        assertEquals(sent.length, s[1].replayed());
        assertEquals(0, s[1].authFailures());
    }

    @Test
    void aPacketOlderThanTheWindowIsRejected() throws SrtpException {
        SrtpSession[] s = pair(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        byte[] old = s[0].protectRtp(rtp(100, SSRC, 20));
        byte[] edge = s[0].protectRtp(rtp(101, SSRC, 20));
        byte[] newest = s[0].protectRtp(rtp(100 + ReplayWindow.SIZE, SSRC, 20));
        s[1].unprotectRtp(newest);
        SrtpException e = assertThrows(SrtpException.class, () -> s[1].unprotectRtp(old));
        assertEquals(SrtpException.Reason.REPLAYED, e.reason());
        assertEquals(1, s[1].replayed());
        s[1].unprotectRtp(edge); // exactly SIZE - 1 behind: still inside, never seen
        assertEquals(1, s[1].replayed());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedRtcpIsRejected(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        byte[] first = s[0].protectRtcp(compoundRtcp());
        byte[] second = s[0].protectRtcp(compoundRtcp());
        s[1].unprotectRtcp(second);
        s[1].unprotectRtcp(first);
        assertThrows(SrtpException.class, () -> s[1].unprotectRtcp(first));
        assertThrows(SrtpException.class, () -> s[1].unprotectRtcp(second));
        assertEquals(2, s[1].replayed());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySingleBitFlipIsRejectedAndCounted(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        byte[] srtp = s[0].protectRtp(rtpWithCsrcsAndExtension(500));
        long drops = 0;
        for (int bit = 0; bit < srtp.length * 8; bit++) {
            byte[] bad = srtp.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(SrtpException.class, () -> s[1].unprotectRtp(bad), "bit " + bit);
            drops++;
        }
        assertEquals(drops, s[1].authFailures() + s[1].malformed() + s[1].replayed());
        assertTrue(s[1].authFailures() > drops / 2, "most flips fail authentication");
        // The genuine packet still gets through: forgeries moved no state.
        assertArrayEquals(rtpWithCsrcsAndExtension(500), s[1].unprotectRtp(srtp));

        byte[] srtcp = s[0].protectRtcp(compoundRtcp());
        long before = s[1].authFailures() + s[1].malformed() + s[1].replayed();
        for (int bit = 0; bit < srtcp.length * 8; bit++) {
            byte[] bad = srtcp.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(SrtpException.class, () -> s[1].unprotectRtcp(bad), "rtcp bit " + bit);
        }
        assertEquals(before + srtcp.length * 8L, s[1].authFailures() + s[1].malformed() + s[1].replayed());
        assertArrayEquals(compoundRtcp(), s[1].unprotectRtcp(srtcp));
    }

    @Test
    void malformedInputIsCountedNeverThrowsAnythingElse() {
        SrtpSession[] s = pair(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        byte[] extensionPastTheEnd = rtp(1, SSRC, 30);
        extensionPastTheEnd[0] = (byte) 0x90;
        extensionPastTheEnd[14] = (byte) 0xFF;
        byte[][] bad = {new byte[0], new byte[11], new byte[21], rtp(1, SSRC, 5), extensionPastTheEnd,
            {(byte) 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}};
        for (byte[] b : bad) {
            SrtpException e = assertThrows(SrtpException.class, () -> s[1].unprotectRtp(b));
            assertEquals(SrtpException.Reason.MALFORMED, e.reason());
        }
        assertEquals(bad.length, s[1].malformed());
        assertThrows(SrtpException.class, () -> s[1].unprotectRtcp(new byte[21]));
        assertThrows(SrtpException.class, () -> s[0].protectRtp(new byte[5]));
        assertThrows(SrtpException.class, () -> s[0].protectRtcp(new byte[7]));
        assertEquals(bad.length + 1, s[1].malformed());
        assertEquals(2, s[0].malformed(), "protect counts on its own session");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSenderRefusesToReuseAnIndex(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        s[0].protectRtp(rtp(10, SSRC, 30));
        byte[] differentPayload = rtp(10, SSRC, 31);
        SrtpException e = assertThrows(SrtpException.class, () -> s[0].protectRtp(differentPayload));
        assertEquals(SrtpException.Reason.REPLAYED, e.reason());
        s[0].protectRtp(rtp(9, SSRC, 30)); // late but new: fine
        assertThrows(SrtpException.class, () -> s[0].protectRtp(rtp(9, SSRC, 30)));
        assertEquals(0, s[0].replayed(), "a sender's own repeat is not a received replay");
    }

    @Test
    void offsetAndLengthVariantsReadOnlyTheirSlice() throws SrtpException {
        SrtpSession[] s = pair(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        byte[] plain = rtp(77, SSRC, 50);
        byte[] framed = new byte[plain.length + 10];
        System.arraycopy(plain, 0, framed, 3, plain.length);
        byte[] srtp = s[0].protectRtp(framed, 3, plain.length);
        byte[] framedSrtp = new byte[srtp.length + 9];
        System.arraycopy(srtp, 0, framedSrtp, 4, srtp.length);
        assertArrayEquals(plain, s[1].unprotectRtp(framedSrtp, 4, srtp.length));
    }

    @Test
    void dtlsKeyMaterialSplitsByRole() {
        SrtpProfile p = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
        byte[] material = new byte[60];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        DtlsSrtpKeys client = DtlsSrtpKeys.split(material, p, true);
        DtlsSrtpKeys server = DtlsSrtpKeys.split(material, p, false);
        assertArrayEquals(Arrays.copyOfRange(material, 0, 16), client.local().key());
        assertArrayEquals(Arrays.copyOfRange(material, 16, 32), client.remote().key());
        assertArrayEquals(Arrays.copyOfRange(material, 32, 46), client.local().salt());
        assertArrayEquals(Arrays.copyOfRange(material, 46, 60), client.remote().salt());
        assertArrayEquals(client.local().key(), server.remote().key());
        assertArrayEquals(client.remote().salt(), server.local().salt());
        assertEquals(56, SrtpProfile.SRTP_AEAD_AES_128_GCM.exportedKeyingMaterialLength());
        assertThrows(IllegalArgumentException.class, () -> DtlsSrtpKeys.split(new byte[59], p, true));
    }

    @Test
    void keysNeverAppearInToString() {
        byte[] key = HexFormat.of().parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = HexFormat.of().parseHex("0EC675AD498AFEEBB6960B3AABE6");
        SrtpMasterKey master = new SrtpMasterKey(key, salt);
        SrtpSession session = new SrtpSession(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, master, master);
        for (String text : new String[] {master.toString(), session.toString(),
            DtlsSrtpKeys.split(new byte[60], SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, true).toString(),
            SessionKeys.derive(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, master).toString()}) {
            String lower = text.toLowerCase();
            assertFalse(lower.contains("e1f97a") || lower.contains("0ec675") || lower.contains("c61e7a"), text);
            assertFalse(text.contains("[B@"), text);
        }
    }

    @Test
    void profilesCarryTheirIdsAndLengths() {
        assertEquals(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, SrtpProfile.byId(0x0001));
        assertEquals(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32, SrtpProfile.byId(0x0002));
        assertEquals(SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.byId(0x0007));
        assertEquals(null, SrtpProfile.byId(0x0008));
        assertEquals(4, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32.rtpTagLength());
        assertEquals(10, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32.rtcpTagLength());
        assertNotEquals(SrtpProfile.SRTP_AEAD_AES_128_GCM.saltLength(),
                SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.saltLength());
    }
}
