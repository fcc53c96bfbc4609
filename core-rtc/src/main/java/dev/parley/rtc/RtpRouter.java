package dev.parley.rtc;

import dev.parley.rtc.rtp.RtpPacket;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the receiver of a bundled RTP packet (RFC 8843 §9.2): by SSRC once known; otherwise by
 * the MID header extension, or by a payload type only one m-line receives; the packet's SSRC is
 * then bound to that receiver. Unroutable packets are counted and dropped. On the executor.
 */
final class RtpRouter {
    private final Map<Long, RTCRtpReceiver> bySsrc = new HashMap<>();
    private final Map<String, RTCRtpReceiver> byMid = new HashMap<>();
    private final Map<Integer, RTCRtpReceiver> byPayloadType = new HashMap<>();
    private int midExtensionId;
    private long unroutable;

    /** Rebuilds the tables after a negotiation; SSRCs learned from packets survive if still valid. */
    void reset(int newMidExtensionId) {
        midExtensionId = newMidExtensionId;
        byMid.clear();
        byPayloadType.clear();
        bySsrc.values().removeIf(r -> r.transceiver().isStopping());
    }

    void bindSsrc(long ssrc, RTCRtpReceiver receiver) {
        bySsrc.put(ssrc, receiver);
    }

    void bindMid(String mid, RTCRtpReceiver receiver) {
        byMid.put(mid, receiver);
    }

    /** A payload type more than one m-line receives routes nowhere by itself. */
    void bindPayloadType(int payloadType, RTCRtpReceiver receiver) {
        if (byPayloadType.containsKey(payloadType) && byPayloadType.get(payloadType) != receiver) {
            byPayloadType.put(payloadType, null);
        } else {
            byPayloadType.put(payloadType, receiver);
        }
    }

    /** The receiver for the packet, or null (counted). */
    RTCRtpReceiver route(RtpPacket packet) {
        RTCRtpReceiver receiver = bySsrc.get(packet.ssrc());
        if (receiver != null) {
            return receiver;
        }
        if (midExtensionId > 0) {
            byte[] mid = packet.extensionElement(midExtensionId);
            if (mid != null) {
                receiver = byMid.get(new String(mid, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        if (receiver == null) {
            receiver = byPayloadType.get(packet.payloadType());
        }
        if (receiver == null) {
            unroutable++;
            return null;
        }
        bySsrc.put(packet.ssrc(), receiver);
        return receiver;
    }

    /** The remote SSRC bound to a receiver, or -1 (for stats). */
    long ssrcOf(RTCRtpReceiver receiver) {
        for (Map.Entry<Long, RTCRtpReceiver> e : bySsrc.entrySet()) {
            if (e.getValue() == receiver) {
                return e.getKey();
            }
        }
        return -1;
    }

    long unroutable() {
        return unroutable;
    }
}
