package dev.parley.rtc.media.gcc;

/**
 * Groups packets into bursts by send time (draft-ietf-rmcat-gcc-02 §5.2: packets sent within
 * {@value #BURST_MICROS} µs of a group's first are one group, as a pacer sends them back to back)
 * and yields, for each completed group after the first, its delta to the previous group: in send
 * time, in arrival time, and in size. The delay variation a group shows is {@code arrival - send}.
 */
final class ArrivalGroups {
    static final long BURST_MICROS = 5_000;

    /** One group compared with the one before it; arrival of its last packet on the receiver's clock. */
    record Delta(long sendDeltaMicros, long arrivalDeltaMicros, long arrivalMicros, int sizeDelta) {}

    private boolean inGroup;
    private long firstSend;
    private long lastSend;
    private long lastArrival;
    private int size;
    private boolean havePrevious;
    private long previousSend;
    private long previousArrival;
    private int previousSize;

    /** Adds a received packet (in sequence order); returns the delta when it completed a group, else null. */
    Delta add(long sendMicros, long arrivalMicros, int sizeBytes) {
        if (inGroup && sendMicros - firstSend <= BURST_MICROS && sendMicros >= firstSend) {
            lastSend = Math.max(lastSend, sendMicros);
            lastArrival = Math.max(lastArrival, arrivalMicros);
            size += sizeBytes;
            return null;
        }
        Delta delta = null;
        if (inGroup) {
            if (havePrevious && lastArrival >= previousArrival) { // arrivals out of order say nothing of queues
                delta = new Delta(lastSend - previousSend, lastArrival - previousArrival, lastArrival,
                        size - previousSize);
            }
            havePrevious = true;
            previousSend = lastSend;
            previousArrival = lastArrival;
            previousSize = size;
        }
        inGroup = true;
        firstSend = sendMicros;
        lastSend = sendMicros;
        lastArrival = arrivalMicros;
        size = sizeBytes;
        return delta;
    }
}
