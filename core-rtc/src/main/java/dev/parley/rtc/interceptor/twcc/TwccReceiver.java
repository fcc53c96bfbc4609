package dev.parley.rtc.interceptor.twcc;

import dev.parley.rtc.interceptor.FeedbackWriter;
import dev.parley.rtc.interceptor.Interceptor;
import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.PeriodicTask;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.TransportWideCc;
import dev.parley.rtc.rtp.TransportWideCc.PacketStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The receiver's half of transport-wide congestion control: notes when each packet carrying a
 * transport-wide sequence number arrived and, every {@value #INTERVAL_MILLIS} ms, reports the
 * packets since the last report — received with their arrival times, or not received — in
 * transport-wide feedback messages (RTCP RTPFB FMT 15).
 *
 * <p>Arrival times go out as a reference time (64 ms units) and deltas of 250 µs ticks from one
 * received packet to the next; a delta that does not fit 16 bits (a pause of over 8 s) starts a
 * new message. A packet arriving after the report that covered its number is too late to matter
 * to the sender's estimator and is only counted.
 */
public final class TwccReceiver implements Interceptor {
    /** libwebrtc's default feedback interval. */
    static final long INTERVAL_MILLIS = 100;
    /** Statuses per message: keeps a message well inside one RTCP packet of a 1200-byte MTU. */
    static final int MAX_STATUSES = 500;
    private static final long TICKS_PER_REFERENCE = TransportWideCc.REFERENCE_TIME_TICK_MICROS
            / TransportWideCc.DELTA_TICK_MICROS;

    private final FeedbackWriter feedback;
    private final Map<Long, StreamInfo> streams = new HashMap<>();
    /** Arrivals not yet reported: unwrapped sequence number to arrival in 250 µs ticks. */
    private final TreeMap<Long, Long> arrivals = new TreeMap<>();
    private long nextToReport = -1;
    private long highestSeen = -1;
    private long mediaSsrc;
    private int feedbackCount;
    private long lateArrivals;
    private long feedbackSent;
    private final PeriodicTask ticks;

    public TwccReceiver(InterceptorContext context) {
        Objects.requireNonNull(context, "context");
        this.feedback = new FeedbackWriter(context);
        this.ticks = new PeriodicTask(context.executor(), INTERVAL_MILLIS, this::sendFeedback);
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        feedback.bindLocalStream(stream);
    }

    @Override
    public void unbindLocalStream(StreamInfo stream) {
        feedback.unbindLocalStream(stream);
    }

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (stream.extensionId(TransportCc.EXTENSION_URI) > 0) {
            streams.put(stream.ssrc(), stream);
            ticks.start();
        }
    }

    @Override
    public void unbindRemoteStream(StreamInfo stream) {
        streams.remove(stream.ssrc());
        if (streams.isEmpty()) {
            ticks.stop();
        }
    }

    @Override
    public void onIncomingRtp(RtpPacket packet, long nowNanos) {
        StreamInfo stream = streams.get(packet.ssrc());
        if (stream == null) {
            return;
        }
        int sequenceNumber = TransportCc.decode(packet.extensionElement(stream.extensionId(TransportCc.EXTENSION_URI)));
        if (sequenceNumber < 0) {
            return; // no transport-wide number on this packet (or a malformed one): nothing to report
        }
        long sequence = unwrap(sequenceNumber);
        if (nextToReport >= 0 && sequence < nextToReport) {
            lateArrivals++;
            return;
        }
        highestSeen = Math.max(highestSeen, sequence);
        arrivals.putIfAbsent(sequence, nowNanos / 1000 / TransportWideCc.DELTA_TICK_MICROS);
        mediaSsrc = packet.ssrc();
    }

    /** Packets that came after the feedback covering them had gone. */
    public long lateArrivals() {
        return lateArrivals;
    }

    /** Feedback messages sent. */
    public long feedbackSent() {
        return feedbackSent;
    }

    @Override
    public void close() {
        ticks.close();
    }

    /** Reports everything pending, in as many messages as it takes. */
    void sendFeedback() {
        StreamInfo stream = streams.get(mediaSsrc);
        boolean reducedSize = stream == null || stream.rtcpReducedSize();
        while (!arrivals.isEmpty()) {
            long base = nextToReport < 0 || arrivals.firstKey() - nextToReport > MAX_STATUSES
                    ? arrivals.firstKey() // first report, or a gap so long its losses no longer matter
                    : nextToReport;
            long firstArrival = arrivals.firstEntry().getValue();
            long reference = Math.floorDiv(firstArrival, TICKS_PER_REFERENCE);
            long previous = reference * TICKS_PER_REFERENCE;
            List<PacketStatus> statuses = new ArrayList<>();
            long sequence = base;
            long last = arrivals.lastKey();
            while (sequence <= last && statuses.size() < MAX_STATUSES) {
                Long arrival = arrivals.get(sequence);
                int sequence16 = (int) (sequence & 0xFFFF);
                if (arrival == null) {
                    statuses.add(PacketStatus.notReceived(sequence16));
                } else {
                    long delta = arrival - previous;
                    if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                        break; // the next message starts here with its own reference time
                    }
                    statuses.add(PacketStatus.received(sequence16, (int) delta));
                    previous = arrival;
                    arrivals.remove(sequence);
                }
                sequence++;
            }
            while (!statuses.isEmpty() && !statuses.get(statuses.size() - 1).isReceived()) {
                statuses.remove(statuses.size() - 1); // end on a received packet; the rest go next time
                sequence--;
            }
            if (statuses.isEmpty()) {
                arrivals.remove(arrivals.firstKey()); // cannot happen with a sane clock; never loop forever
                continue;
            }
            nextToReport = sequence;
            int reference24 = (int) (reference << 40 >> 40); // 24-bit signed, wrapping (§3.1)
            feedback.write(TransportWideCc.of(feedback.senderSsrc(), mediaSsrc, reference24, feedbackCount, statuses),
                    reducedSize);
            feedbackCount = (feedbackCount + 1) & 0xFF;
            feedbackSent++;
        }
    }

    private long unwrap(int sequenceNumber) {
        if (highestSeen < 0) {
            return sequenceNumber;
        }
        int delta = (short) (sequenceNumber - (int) (highestSeen & 0xFFFF));
        return highestSeen + delta;
    }
}
