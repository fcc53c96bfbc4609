package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts fuzz input into one frame's RTP packets: repeatedly a length byte and that many payload
 * bytes (the last payload takes what remains); consecutive sequence numbers from 65533 (so runs
 * wrap), the marker on the last.
 */
final class FuzzPackets {
    private FuzzPackets() {}

    static List<RtpPacket> of(byte[] data) {
        List<byte[]> payloads = new ArrayList<>();
        int at = 0;
        while (at < data.length && payloads.size() < 64) {
            int length = data[at++] & 0xFF;
            int end = Math.min(data.length, at + length);
            payloads.add(Arrays.copyOfRange(data, at, end));
            at = end;
        }
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(RtpPacket.builder().payloadType(96).sequenceNumber((65_533 + i) & 0xFFFF).timestamp(3000)
                    .ssrc(1).marker(i == payloads.size() - 1).payload(payloads.get(i)).build());
        }
        return packets;
    }
}
