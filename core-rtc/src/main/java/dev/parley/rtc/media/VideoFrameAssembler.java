package dev.parley.rtc.media;

import dev.parley.rtc.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The receive side's frame assembly for one video stream: RTP packets in any order → whole,
 * decodable frames in decoding order (the first stage of the video jitter buffer).
 *
 * <p>Packets are kept by extended sequence number. A frame is the run of packets with one
 * timestamp, ending in the marker bit (RFC 3550 §5.1). It is <b>complete</b> when every sequence
 * number from its first packet to its marker is there and its first packet is known to be the
 * first: the packet before it belongs to another frame, or ended the last frame delivered, or the
 * payload format says so itself (a VP8 start, or an H.264 frame that holds an IDR). It is
 * <b>decodable</b> when it is a key frame, or follows the last frame delivered without a gap;
 * once a frame is lost, delta frames wait (for a retransmission, later) and a key frame is
 * requested when they have waited {@code stuckAfter}, at most once per {@code requestInterval}.
 *
 * <p>Memory is bounded: beyond {@code maxPackets} the oldest frames' packets are dropped (and a
 * key frame is wanted). Packets from before the last frame delivered are dropped as late.
 * Not thread-safe: one receiver thread.
 */
public final class VideoFrameAssembler {
    private final VideoDepacketizer depacketizer;
    private final boolean explicitFrameStart;
    private final int maxPackets;
    private final long stuckAfterNanos;
    private final long requestIntervalNanos;

    private final TreeMap<Long, RtpPacket> packets = new TreeMap<>();
    private long highest = Long.MIN_VALUE;
    /** Extended sequence number of the last delivered frame's marker packet, or MIN_VALUE before the first. */
    private long lastDelivered = Long.MIN_VALUE;
    /** Since when a complete frame has waited behind a gap, or -1. */
    private long blockedSinceNanos = -1;
    private boolean keyFrameWanted;
    private long lastRequestNanos;
    private boolean requestedOnce;
    private long droppedPackets;
    private long malformedFrames;

    /**
     * @param explicitFrameStart whether the format marks a frame's first packet reliably (VP8's S bit
     *     and partition 0: true; H.264: false)
     * @param maxPackets packets held at most
     * @param stuckAfter how long a complete frame may wait behind a gap before a key frame is requested
     * @param requestInterval least time between two key frame requests
     */
    public VideoFrameAssembler(VideoDepacketizer depacketizer, boolean explicitFrameStart, int maxPackets,
            Duration stuckAfter, Duration requestInterval) {
        if (maxPackets < 16) {
            throw new IllegalArgumentException("maxPackets must be at least 16, got " + maxPackets);
        }
        this.depacketizer = depacketizer;
        this.explicitFrameStart = explicitFrameStart;
        this.maxPackets = maxPackets;
        this.stuckAfterNanos = stuckAfter.toNanos();
        this.requestIntervalNanos = requestInterval.toNanos();
    }

    /**
     * Takes one packet; returns the frames it made whole and decodable, oldest first (often none,
     * at most a few when a missing packet arrives late).
     */
    public List<DepacketizedFrame> insert(RtpPacket packet, long nowNanos) {
        long seq = extend(packet.sequenceNumber());
        if (lastDelivered != Long.MIN_VALUE && seq <= lastDelivered) {
            droppedPackets++; // late or duplicate: its frame is gone
            return List.of();
        }
        packets.put(seq, packet);
        List<DepacketizedFrame> out = assemble(nowNanos);
        enforceBound();
        return out;
    }

    /**
     * Whether to send a key frame request (PLI) now: a frame has waited {@code stuckAfter} behind
     * a gap, or packets were dropped for memory; not more often than {@code requestInterval}.
     */
    public boolean pollKeyFrameRequest(long nowNanos) {
        boolean stuck = keyFrameWanted || (blockedSinceNanos >= 0 && nowNanos - blockedSinceNanos >= stuckAfterNanos);
        if (!stuck || (requestedOnce && nowNanos - lastRequestNanos < requestIntervalNanos)) {
            return false;
        }
        requestedOnce = true;
        lastRequestNanos = nowNanos;
        return true;
    }

    /** Packets held now. */
    public int bufferedPackets() {
        return packets.size();
    }

    /** Packets dropped: late, duplicate, or for memory. */
    public long droppedPackets() {
        return droppedPackets;
    }

    /** Frames whose payloads were malformed (dropped). */
    public long malformedFrames() {
        return malformedFrames;
    }

    /** The 16-bit number as the extended one nearest the highest seen (RFC 3550 Appendix A.1's cycles). */
    private long extend(int sequenceNumber) {
        if (highest == Long.MIN_VALUE) {
            highest = sequenceNumber + (1L << 32); // room below for late packets
            return highest;
        }
        long extended = highest + (short) (sequenceNumber - (int) (highest & 0xFFFF));
        highest = Math.max(highest, extended);
        return extended;
    }

    private List<DepacketizedFrame> assemble(long nowNanos) {
        List<DepacketizedFrame> out = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (FrameRun run : completeRuns()) {
                List<RtpPacket> framePackets = new ArrayList<>(packets.subMap(run.first, true, run.last, true).values());
                DepacketizedFrame frame;
                try {
                    frame = depacketizer.depacketize(framePackets);
                } catch (PayloadParseException e) {
                    frame = null;
                }
                if (frame == null || !frame.complete()) { // every packet is here, so the data is bad
                    malformedFrames++;
                    dropThrough(run.last);
                    progress = true;
                    break;
                }
                if (!run.startConfirmed && !frame.keyFrame()) {
                    continue; // packets before it may be missing: wait for them or a key frame
                }
                boolean follows = lastDelivered != Long.MIN_VALUE && run.first == lastDelivered + 1;
                if (frame.keyFrame() || follows) {
                    out.add(frame);
                    dropThrough(run.last);
                    lastDelivered = run.last;
                    if (frame.keyFrame()) {
                        keyFrameWanted = false;
                    }
                    progress = true;
                    break;
                }
            }
        }
        boolean waiting = !completeRuns().isEmpty();
        blockedSinceNanos = !waiting ? -1 : blockedSinceNanos >= 0 ? blockedSinceNanos : nowNanos;
        return out;
    }

    /** One frame's packets, all present: extended sequence numbers of its first and marker packets. */
    private record FrameRun(long first, long last, boolean startConfirmed) {}

    /** The frames whose packets are all here, oldest first. */
    private List<FrameRun> completeRuns() {
        List<FrameRun> runs = new ArrayList<>();
        for (Map.Entry<Long, RtpPacket> e : packets.entrySet()) {
            if (!e.getValue().marker()) {
                continue;
            }
            long last = e.getKey();
            long timestamp = e.getValue().timestamp();
            long first = last;
            while (packets.containsKey(first - 1) && packets.get(first - 1).timestamp() == timestamp
                    && !packets.get(first - 1).marker()) {
                first--;
            }
            RtpPacket before = packets.get(first - 1);
            boolean confirmed = (before != null && before.timestamp() != timestamp)
                    || (before != null && before.marker())
                    || first == lastDelivered + 1
                    || (explicitFrameStart && startsFrame(packets.get(first)));
            boolean startKnown = confirmed || startsFrame(packets.get(first));
            if (startKnown) {
                runs.add(new FrameRun(first, last, confirmed));
            }
        }
        return runs;
    }

    private boolean startsFrame(RtpPacket packet) {
        try {
            return depacketizer.startsFrame(packet);
        } catch (PayloadParseException e) {
            return false;
        }
    }

    /** Drops every packet up to and including {@code last}. */
    private void dropThrough(long last) {
        NavigableMap<Long, RtpPacket> done = packets.headMap(last, true);
        done.clear();
    }

    private void enforceBound() {
        while (packets.size() > maxPackets) {
            long oldestTimestamp = packets.firstEntry().getValue().timestamp();
            while (!packets.isEmpty() && packets.firstEntry().getValue().timestamp() == oldestTimestamp) {
                packets.pollFirstEntry();
                droppedPackets++;
            }
            keyFrameWanted = true;
        }
    }
}
