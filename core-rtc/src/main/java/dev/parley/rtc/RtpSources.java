package dev.parley.rtc;

import dev.parley.rtc.media.AudioLevel;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.media.PayloadParseException;
import dev.parley.rtc.rtp.RtpPacket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * What a receiver's {@code getSynchronizationSources()} and {@code getContributingSources()} list
 * (W3C webrtc-pc §5.4): for each SSRC, and each CSRC of the packets' CSRC lists, the last packet's
 * arrival time, RTP timestamp and audio level; a source not heard from for 10 seconds is gone.
 *
 * <p>The spec's timestamp is when a frame from the source was delivered to the track; this is
 * when its packet reached the receiver, before the jitter buffer, which is the same to within
 * the buffer's delay (tens of milliseconds) and keeps the buffer out of this bookkeeping.
 *
 * <p>Audio levels come from the RFC 6464 element for the SSRC and the RFC 6465 element for CSRCs,
 * where the caller passes their negotiated ids (0: none, as for video). A malformed element is
 * counted and the packet's source is listed without a level, as if the element were absent.
 *
 * <p>Thread-safe: packets are recorded on the executor, the application reads on its own thread.
 */
final class RtpSources {
    /** W3C webrtc-pc §5.4: sources of packets received in the last 10 seconds. */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int NO_LEVEL = -1;
    /** CSRCs are the sender's to choose (15 a packet): expired ones are swept at most this often. */
    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Entry(long source, long arrivalNanos, long rtpTimestamp, int level) {}

    private final NtpClock wallClock;
    private final Map<Long, Entry> ssrcs = new HashMap<>();
    private final Map<Long, Entry> csrcs = new HashMap<>();
    private long lastSweepNanos;
    private long malformedLevels;

    /**
     * @param nowNanos  the executor's monotonic clock now
     * @param wallClock the wall-clock time at that moment (timestamps follow the monotonic clock
     *                  from there, so setting the system clock does not reorder sources)
     */
    RtpSources(long nowNanos, Instant wallClock) {
        this.wallClock = new NtpClock(nowNanos, wallClock);
        this.lastSweepNanos = nowNanos;
    }

    /** Records a media packet that arrived at {@code nowNanos}; level ids are 0 where not negotiated. */
    synchronized void record(RtpPacket packet, int ssrcLevelId, int csrcLevelId, long nowNanos) {
        int ssrcLevel = NO_LEVEL;
        byte[] ssrcElement = ssrcLevelId > 0 ? packet.extensionElement(ssrcLevelId) : null;
        if (ssrcElement != null) {
            try {
                ssrcLevel = AudioLevel.parseSsrcElement(ssrcElement).level();
            } catch (PayloadParseException e) {
                malformedLevels++;
            }
        }
        ssrcs.put(packet.ssrc(), new Entry(packet.ssrc(), nowNanos, packet.timestamp(), ssrcLevel));
        if (packet.csrcCount() == 0) {
            return;
        }
        int[] csrcLevels = new int[0];
        byte[] csrcElement = csrcLevelId > 0 ? packet.extensionElement(csrcLevelId) : null;
        if (csrcElement != null) {
            try {
                csrcLevels = AudioLevel.parseCsrcElement(csrcElement);
            } catch (PayloadParseException e) {
                malformedLevels++;
            }
        }
        long[] contributing = packet.csrcs();
        for (int i = 0; i < contributing.length; i++) {
            int level = i < csrcLevels.length ? csrcLevels[i] : NO_LEVEL;
            csrcs.put(contributing[i], new Entry(contributing[i], nowNanos, packet.timestamp(), level));
        }
        if (nowNanos - lastSweepNanos >= SWEEP_INTERVAL_NANOS) {
            lastSweepNanos = nowNanos;
            csrcs.values().removeIf(e -> nowNanos - e.arrivalNanos() > MAX_AGE_NANOS);
        }
    }

    /** The SSRCs heard from in the 10 seconds before {@code nowNanos}, the most recent first. */
    synchronized List<RTCRtpSynchronizationSource> synchronizationSources(long nowNanos) {
        return fresh(ssrcs, nowNanos).stream()
                .map(e -> new RTCRtpSynchronizationSource(millis(e), e.source(), level(e), e.rtpTimestamp()))
                .toList();
    }

    /** The CSRCs named in the 10 seconds before {@code nowNanos}, the most recent first. */
    synchronized List<RTCRtpContributingSource> contributingSources(long nowNanos) {
        return fresh(csrcs, nowNanos).stream()
                .map(e -> new RTCRtpContributingSource(millis(e), e.source(), level(e), e.rtpTimestamp()))
                .toList();
    }

    /** Audio level elements that were not well formed (ignored). */
    synchronized long malformedLevels() {
        return malformedLevels;
    }

    private static List<Entry> fresh(Map<Long, Entry> entries, long nowNanos) {
        entries.values().removeIf(e -> nowNanos - e.arrivalNanos() > MAX_AGE_NANOS);
        List<Entry> out = new ArrayList<>(entries.values());
        out.sort(Comparator.comparingLong(Entry::arrivalNanos).reversed());
        return out;
    }

    private double millis(Entry e) {
        Instant at = wallClock.wallClockTime(e.arrivalNanos());
        return at.getEpochSecond() * 1000.0 + at.getNano() / 1e6;
    }

    private static OptionalDouble level(Entry e) {
        return e.level() == NO_LEVEL ? OptionalDouble.empty() : OptionalDouble.of(AudioLevel.linear(e.level()));
    }
}
