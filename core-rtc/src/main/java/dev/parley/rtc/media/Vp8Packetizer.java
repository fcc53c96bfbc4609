package dev.parley.rtc.media;

import dev.parley.rtc.codec.EncodedVideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * VP8 into RTP payloads (RFC 7741 §4): each payload a 4-byte descriptor (15-bit picture ID, the S
 * bit on the first, partition index 0) and a slice of the frame. The frame is cut into as few
 * payloads as the size allows, of nearly equal length, so no runt packet trails a large one.
 * The picture ID starts at a random value and counts frames (modulo 2^15).
 */
public final class Vp8Packetizer implements VideoPacketizer {
    private final int maxPayloadSize;
    private int pictureId;

    /** @param maxPayloadSize largest payload, descriptor included ({@link PayloadSize}) */
    public Vp8Packetizer(int maxPayloadSize, Random random) {
        this(maxPayloadSize, random.nextInt(1 << 15));
    }

    Vp8Packetizer(int maxPayloadSize, int firstPictureId) {
        if (maxPayloadSize <= Vp8PayloadDescriptor.WRITTEN_LENGTH) {
            throw new IllegalArgumentException("maxPayloadSize must exceed the descriptor, got " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.pictureId = firstPictureId & 0x7FFF;
    }

    @Override
    public List<byte[]> packetize(EncodedVideoFrame frame) {
        byte[] data = frame.data();
        int room = maxPayloadSize - Vp8PayloadDescriptor.WRITTEN_LENGTH;
        int count = (data.length + room - 1) / room;
        List<byte[]> payloads = new ArrayList<>(count);
        int offset = 0;
        for (int i = 0; i < count; i++) {
            int size = (data.length - offset) / (count - i); // spread the bytes evenly over what is left
            if (i < (data.length - offset) % (count - i)) {
                size++;
            }
            byte[] payload = new byte[Vp8PayloadDescriptor.WRITTEN_LENGTH + size];
            Vp8PayloadDescriptor.write(payload, i == 0, pictureId);
            System.arraycopy(data, offset, payload, Vp8PayloadDescriptor.WRITTEN_LENGTH, size);
            payloads.add(payload);
            offset += size;
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return payloads;
    }
}
