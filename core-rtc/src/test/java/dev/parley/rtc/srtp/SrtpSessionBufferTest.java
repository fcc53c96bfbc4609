package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.SrtpSessionTest.pair;
import static dev.parley.rtc.srtp.SrtpSessionTest.rtp;
import static dev.parley.rtc.srtp.SrtpSessionTest.rtpWithCsrcsAndExtension;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The allocation-free RTP overloads: same bytes as the array API, in place, and nothing written for refused packets. */
class SrtpSessionBufferTest {
    private static final int SSRC = 0x11223344;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void intoABufferAndInPlaceGiveTheSameBytesAsTheArrayApi(SrtpProfile profile) throws SrtpException {
        SrtpSession[] arrays = pair(profile);
        SrtpSession[] buffers = pair(profile); // same keys: pair() is deterministic
        int tag = profile.rtpTagLength();
        for (byte[] plain : new byte[][] {rtp(1, SSRC, 1188), rtp(2, SSRC, 0), rtpWithCsrcsAndExtension(3)}) {
            byte[] expected = arrays[0].protectRtp(plain);

            byte[] out = new byte[7 + plain.length + tag + 5];
            assertEquals(expected.length, buffers[0].protectRtp(plain, 0, plain.length, out, 7));
            assertArrayEquals(expected, Arrays.copyOfRange(out, 7, 7 + expected.length));

            // In place: the packet at offset 3 of a buffer with room for the tag.
            byte[] inPlace = new byte[3 + expected.length];
            System.arraycopy(expected, 0, inPlace, 3, expected.length);
            assertEquals(plain.length, buffers[1].unprotectRtp(inPlace, 3, expected.length, inPlace, 3));
            assertArrayEquals(plain, Arrays.copyOfRange(inPlace, 3, 3 + plain.length));
            assertArrayEquals(plain, arrays[1].unprotectRtp(expected));
        }
        byte[] buffer = new byte[2 + 1200 + tag];
        byte[] plain = rtp(4, SSRC, 1188);
        System.arraycopy(plain, 0, buffer, 2, plain.length);
        assertEquals(plain.length + tag, buffers[0].protectRtp(buffer, 2, plain.length, buffer, 2));
        byte[] out = new byte[plain.length];
        assertEquals(plain.length, buffers[1].unprotectRtp(buffer, 2, plain.length + tag, out, 0));
        assertArrayEquals(plain, out);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aForgedPacketLeavesTheOutputAndTheStateUntouched(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        byte[] srtp = s[0].protectRtp(rtp(9, SSRC, 300));
        for (int at : new int[] {3, 40, srtp.length - 1}) { // header, payload, tag
            byte[] forged = srtp.clone();
            forged[at] ^= 0x20;
            byte[] out = new byte[srtp.length];
            Arrays.fill(out, (byte) 0x5A);
            SrtpException e = assertThrows(SrtpException.class,
                    () -> s[1].unprotectRtp(forged, 0, forged.length, out, 0));
            assertEquals(SrtpException.Reason.AUTHENTICATION_FAILED, e.reason());
            byte[] untouched = new byte[srtp.length];
            Arrays.fill(untouched, (byte) 0x5A);
            assertArrayEquals(untouched, out, "no unauthenticated plaintext is released");

            byte[] inPlace = forged.clone();
            assertThrows(SrtpException.class, () -> s[1].unprotectRtp(inPlace, 0, inPlace.length, inPlace, 0));
            assertArrayEquals(forged, inPlace, "a refused packet is not decrypted in place");
        }
        assertEquals(6, s[1].authFailures());
        byte[] out = new byte[srtp.length];
        assertEquals(srtp.length - profile.rtpTagLength(), s[1].unprotectRtp(srtp, 0, srtp.length, out, 0));
        assertArrayEquals(rtp(9, SSRC, 300), Arrays.copyOf(out, srtp.length - profile.rtpTagLength()));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aBadOutputBufferIsRefusedBeforeAnyStateMoves(SrtpProfile profile) throws SrtpException {
        SrtpSession[] s = pair(profile);
        byte[] plain = rtp(20, SSRC, 100);
        int tag = profile.rtpTagLength();
        assertThrows(IndexOutOfBoundsException.class,
                () -> s[0].protectRtp(plain, 0, plain.length, new byte[plain.length + tag - 1], 0));
        byte[] shifted = Arrays.copyOf(plain, plain.length + tag + 4);
        assertThrows(IllegalArgumentException.class,
                () -> s[0].protectRtp(shifted, 0, plain.length, shifted, 4), "overlapping but not in place");
        // Index 20 was not consumed by the refusals: it can still be protected, once.
        byte[] srtp = s[0].protectRtp(plain);
        assertThrows(SrtpException.class, () -> s[0].protectRtp(plain));

        assertThrows(IndexOutOfBoundsException.class,
                () -> s[1].unprotectRtp(srtp, 0, srtp.length, new byte[plain.length - 1], 0));
        assertEquals(0, s[1].authFailures() + s[1].replayed() + s[1].malformed());
        assertArrayEquals(plain, s[1].unprotectRtp(srtp));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aPacketShorterThanItsTagIsCountedAsMalformed(SrtpProfile profile) {
        SrtpSession[] s = pair(profile);
        byte[] tiny = new byte[3];
        SrtpException e = assertThrows(SrtpException.class, () -> s[1].unprotectRtp(tiny, 0, 3, new byte[0], 0));
        assertEquals(SrtpException.Reason.MALFORMED, e.reason());
        assertEquals(1, s[1].malformed());
    }
}
