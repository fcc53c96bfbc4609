package dev.parley.rtc.rtp;

import static dev.parley.rtc.testutil.Hex.bytes;
import static dev.parley.rtc.testutil.Hex.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.rtp.RtpHeaderExtension.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8285 element encoding choices and validation of extensions built by code. */
class RtpHeaderExtensionTest {

    @Test
    void ofPicksTheOneByteFormWhenEveryElementFits() {
        RtpHeaderExtension ext = RtpHeaderExtension.of(List.of(new Element(1, bytes("30")), new Element(14, new byte[16])));
        assertTrue(ext.isOneByte());
        // id 1 L=0, "0"; id 14 L=15, 16 bytes; 19 bytes padded to 20.
        assertEquals("1030" + "ef" + "00".repeat(16) + "00", string(ext.data()));
    }

    @Test
    void ofFallsBackToTwoBytesForIdsAbove14EmptyOrLongValues() {
        assertEquals("0f0100" + "00", string(RtpHeaderExtension.of(List.of(new Element(15, bytes("00")))).data()));
        RtpHeaderExtension empty = RtpHeaderExtension.of(List.of(new Element(2, new byte[0])));
        assertTrue(empty.isTwoByte());
        assertEquals("02000000", string(empty.data()));
        assertEquals(0x1000, RtpHeaderExtension.of(List.of(new Element(3, new byte[17]))).profile());
    }

    @Test
    void twoByteFormStaysAndKeepsAppBitsWhenAnElementIsSet() {
        RtpHeaderExtension ext = RtpHeaderExtension.raw(0x1005, bytes("01 01 aa 00")).withElement(2, bytes("bb"));
        assertEquals(0x1005, ext.profile());
        assertEquals(List.of(new Element(1, bytes("aa")), new Element(2, bytes("bb"))), ext.elements());
        assertNull(ext.withoutElement(1).element(1));
    }

    @Test
    void oneByteIdZeroIsSkippedAsPadding() {
        // 0x05 has id 0: reserved for padding (RFC 8285 §4.2), so it is one byte to skip, not an element.
        RtpHeaderExtension ext = RtpHeaderExtension.raw(RtpHeaderExtension.ONE_BYTE_PROFILE, bytes("05 10 61 00"));
        assertEquals(List.of(new Element(1, bytes("61"))), ext.elements());
    }

    @Test
    void rawRejectsPartialWordsAndMalformedElements() {
        assertThrows(IllegalArgumentException.class, () -> RtpHeaderExtension.raw(0xBEDE, bytes("1030")));
        assertThrows(IllegalArgumentException.class, () -> RtpHeaderExtension.raw(0xBEDE, bytes("13303030")));
        assertThrows(IllegalArgumentException.class, () -> RtpHeaderExtension.raw(0x1000, bytes("000000 01")));
        assertThrows(IllegalArgumentException.class, () -> RtpHeaderExtension.raw(0x10000, new byte[0]));
    }

    @Test
    void otherProfilesHaveNoElementsToSet() {
        RtpHeaderExtension ext = RtpHeaderExtension.raw(0x1234, bytes("01020304"));
        assertThrows(IllegalStateException.class, () -> ext.withElement(1, bytes("00")));
    }
}
