package dev.parley.rtc.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the byte stream of a TURN connection over TCP or TLS into messages (RFC 8656 §12.5):
 * the stream carries STUN messages and ChannelData back to back, each framed by its own length
 * field, ChannelData padded to a multiple of 4. The first two bits tell them apart: 00 is STUN
 * (20-byte header plus its length), 01 is ChannelData (4-byte header plus its padded length).
 * Anything else means the stream is lost: there is no way to find the next message.
 */
final class TurnStreamDeframer {
    private byte[] buffer = new byte[2048];
    private int length;

    /**
     * Appends {@code data} and returns the messages it completed, ChannelData without its
     * padding. Bytes of an incomplete message stay buffered for the next call.
     *
     * @throws StunParseException if the stream holds something that is neither STUN nor
     *     ChannelData; the connection should then be closed
     */
    List<byte[]> push(byte[] data) throws StunParseException {
        ensureRoom(data.length);
        System.arraycopy(data, 0, buffer, length, data.length);
        length += data.length;

        List<byte[]> frames = new ArrayList<>();
        int pos = 0;
        while (length - pos >= 4) {
            int first = buffer[pos] & 0xFF;
            int declared = Bytes.u16(buffer, pos + 2);
            int frameLength;
            int wireLength;
            if ((first & 0xC0) == 0) {
                if (declared % 4 != 0) {
                    throw new StunParseException(0, "STUN length " + declared + " on the stream is not a multiple of 4");
                }
                frameLength = StunMessage.HEADER_LENGTH + declared;
                wireLength = frameLength;
            } else if ((first & 0xF0) == 0x40) {
                frameLength = ChannelData.HEADER_LENGTH + declared;
                wireLength = ChannelData.HEADER_LENGTH + Bytes.padded(declared);
            } else {
                throw new StunParseException(0, String.format(
                        "stream byte 0x%02X starts neither STUN nor ChannelData; framing lost", first));
            }
            if (length - pos < wireLength) {
                break;
            }
            frames.add(Arrays.copyOfRange(buffer, pos, pos + frameLength));
            pos += wireLength;
        }
        System.arraycopy(buffer, pos, buffer, 0, length - pos);
        length -= pos;
        return frames;
    }

    /** Bytes held back, waiting for the rest of their message. */
    int buffered() {
        return length;
    }

    private void ensureRoom(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}
