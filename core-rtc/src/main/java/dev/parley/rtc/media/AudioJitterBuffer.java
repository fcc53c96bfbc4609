package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.codec.AudioDecodeException;
import dev.parley.rtc.codec.AudioDecoder;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audio jitter buffer of one received stream: RTP packets go in as they arrive, in any order;
 * 10 ms frames come out at the steady pace of a playout clock ({@link #pull}), decoded, or made up
 * where a packet is missing. Pure logic on the caller's clock, on one thread (the executor).
 *
 * <pre>
 *  insert ──▶ packets by media time ──▶ decode / FEC / conceal ──▶ decoded queue ──▶ pull (10 ms)
 *                   ▲ late, duplicate, overflow: counted drops      ▲ accelerate (drop 10 ms)
 *                                                                   ▲ decelerate (conceal 10 ms)
 * </pre>
 *
 * <p><b>Delay.</b> {@link PlayoutDelayEstimator} sets a target for how long the fastest packets
 * wait (from measured jitter; grows at once, shrinks slowly, within the settings' bounds). Playout
 * starts once the first packet has waited that long. Afterwards every packet tells how far playout
 * trails the fastest path (its wait plus its relative delay); smoothed, that is compared with the
 * target, and at most every {@link #ADJUST_NANOS} the buffer drops 10 ms of decoded audio (too much
 * delay) or inserts 10 ms of concealment (too little): playout changes pace, it never jumps.
 * Audio/video sync may ask for more ({@link #setExtraDelay}): it adds to the target.
 *
 * <p><b>Missing packets.</b> With a later packet already here, the missing time is lost: if the
 * later packet directly follows it and the decoder has FEC ({@link AudioDecoder#decodesFec}), the
 * loss is recovered from its in-band FEC, otherwise the codec conceals (PLC), and after
 * {@link #LONG_GAP_NANOS} of concealment in a row, silence. With nothing later here the packet may
 * just be late: the buffer conceals 10 ms without giving up the packet's time, which delays
 * playout (the delay control takes that back later); that concealment counts against the gap if
 * the packet turns out to be lost.
 *
 * <p><b>Timeline.</b> Timestamps are unwrapped against the playout position. A new SSRC, or a
 * timestamp further than {@link #RESYNC_NANOS} from where playout is, starts a new timeline: held
 * packets are flushed and playout starts over. After {@link #IDLE_NANOS} without packets the
 * stream counts as stopped and {@link #pull} returns nothing until packets come again.
 *
 * <p><b>Memory.</b> At most {@code maxPackets} packets are held (more are counted and dropped), and
 * decoded audio never exceeds one packet plus one frame.
 */
public final class AudioJitterBuffer {
    /** 10 ms, the frame {@link #pull} returns. */
    public static final long FRAME_NANOS = PlayoutDelayEstimator.FRAME_NANOS;
    /** Concealment beyond this many ms in a row is silence: extrapolated speech turns to noise. */
    static final long LONG_GAP_NANOS = 100_000_000L;
    /** No packet for this long: the sender stopped; playout stops until it starts again. */
    static final long IDLE_NANOS = 1_000_000_000L;
    /** A timestamp this far from the playout position belongs to a new timeline. */
    static final long RESYNC_NANOS = 2_000_000_000L;
    /** Pace changes at most once per 50 ms: 10 ms at a time, so playout runs at 80..120 %. */
    static final long ADJUST_NANOS = 50_000_000L;
    /** Weight of one packet in the smoothed playout offset. */
    private static final double OFFSET_SMOOTHING = 1.0 / 8;
    private static final int RECENT = 256;

    /**
     * @param minDelayNanos lowest target delay
     * @param maxDelayNanos highest target delay
     * @param maxPackets packets held at most
     */
    public record Settings(long minDelayNanos, long maxDelayNanos, int maxPackets) {
        /**
         * 20..500 ms; 200 packets: the highest target plus audio/video sync's most (1 s) is 1.5 s,
         * 150 packets of 10 ms.
         */
        public static final Settings DEFAULTS = new Settings(20_000_000L, 500_000_000L, 200);

        public Settings {
            if (minDelayNanos < 0 || maxDelayNanos < minDelayNanos || maxDelayNanos >= RESYNC_NANOS || maxPackets < 1) {
                throw new IllegalArgumentException("delay " + minDelayNanos + ".." + maxDelayNanos + " ns, "
                        + maxPackets + " packets");
            }
        }
    }

    private record Packet(long timestamp, byte[] payload, long arrivalNanos, long relativeDelayNanos) {}

    private final AudioDecoder decoder;
    private final AudioPlayoutStats stats;
    private final Settings settings;
    private final int clockRate;
    private final int channels;
    private final int frameSamples;
    private final long longGapSamples;
    private final long resyncUnits;
    private final PlayoutDelayEstimator delay;
    private final PlayoutQueue queue;
    private final TreeMap<Long, Packet> packets = new TreeMap<>();
    /** Recently seen (sequence, timestamp) pairs by sequence number, to spot copies. */
    private final long[] recent = new long[RECENT];

    private boolean synced;
    private long ssrc;
    /** The newest extended timestamp: the unwrap reference before playout starts. */
    private long newestTimestamp;
    private long lastArrivalNanos;
    private boolean playing;
    /** Extended timestamp of the first sample not yet decoded or concealed. */
    private long playoutTimestamp;
    /** Duration of the last decoded packet in samples: the unit of loss. */
    private int packetSamples;
    /** Concealment played (in samples) without giving up media time, since the last decode. */
    private long stalledSamples;
    private long concealedRun;
    private boolean concealing;
    private boolean decelerate;
    private double offsetNanos;
    private long lastAdjustNanos;
    /** Delay added for audio/video sync, on top of the jitter target. */
    private long extraDelayNanos;
    /** 32-bit RTP timestamp of the first sample of the frame pulled last. */
    private long pulledTimestamp;

    public AudioJitterBuffer(AudioDecoder decoder, AudioPlayoutStats stats, Settings settings) {
        this.decoder = decoder;
        this.stats = stats;
        this.settings = settings;
        this.clockRate = decoder.clockRate();
        this.channels = decoder.channels();
        this.frameSamples = (int) (clockRate * FRAME_NANOS / 1_000_000_000L);
        if (frameSamples < 1) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz has no samples in 10 ms");
        }
        this.longGapSamples = clockRate * LONG_GAP_NANOS / 1_000_000_000L;
        this.resyncUnits = clockRate * RESYNC_NANOS / 1_000_000_000L;
        this.delay = new PlayoutDelayEstimator(clockRate, settings.minDelayNanos(), settings.maxDelayNanos());
        this.queue = new PlayoutQueue(channels);
        this.packetSamples = 2 * frameSamples;
    }

    /**
     * The delay the buffer aims for now (W3C jitterBufferTargetDelay's current value): what jitter
     * asks for plus the {@link #setExtraDelay extra delay}.
     */
    public long targetDelayNanos() {
        return delay.targetNanos() + extraDelayNanos;
    }

    /**
     * Delay to add on top of what jitter asks for (audio/video sync holds audio back for video).
     * Playout reaches it by changing pace, as for any change of target: it never jumps.
     */
    public void setExtraDelay(long nanos) {
        if (nanos < 0 || nanos >= RESYNC_NANOS - settings.maxDelayNanos()) {
            throw new IllegalArgumentException("extra delay " + nanos + " ns");
        }
        extraDelayNanos = nanos;
    }

    /**
     * The RTP timestamp (32-bit) of the first sample of the frame {@link #pull} returned last:
     * what is being played. Meaningful after a pull that returned a frame.
     */
    public long pulledTimestamp() {
        return pulledTimestamp;
    }

    /** Packets held now. */
    public int packetCount() {
        return packets.size();
    }

    /** Whether there is nothing to play and nothing held: the caller may stop pulling until an insert. */
    public boolean isIdle() {
        return !playing && packets.isEmpty();
    }

    /**
     * Takes one received packet.
     *
     * @param timestamp the 32-bit RTP timestamp (as an unsigned value)
     * @param payload kept, not copied: the caller hands it over
     */
    public void insert(long packetSsrc, int sequenceNumber, long timestamp, byte[] payload, long arrivalNanos) {
        if (payload == null || payload.length == 0) {
            stats.invalidDrops++;
            return;
        }
        if (!synced || packetSsrc != ssrc) {
            resync(packetSsrc, timestamp);
        }
        long extended = unwrap(timestamp, playing ? playoutTimestamp : newestTimestamp);
        long position = playing ? playoutTimestamp : packets.isEmpty() ? extended : packets.firstKey();
        if (Math.abs(extended - position) > resyncUnits) {
            resync(packetSsrc, timestamp);
            extended = unwrap(timestamp, newestTimestamp);
        }
        long key = ((long) (sequenceNumber & 0xFFFF) << 32) | (timestamp & 0xFFFF_FFFFL);
        int slot = sequenceNumber & (RECENT - 1);
        if (recent[slot] == key + 1 || packets.containsKey(extended)) {
            stats.duplicateDrops++;
            return;
        }
        if (playing && extended < playoutTimestamp) {
            stats.lateDrops++;
            return;
        }
        if (packets.size() >= settings.maxPackets()) {
            stats.overflowDrops++;
            return;
        }
        recent[slot] = key + 1;
        long relative = delay.update(extended, arrivalNanos);
        if (playing) {
            long waitNanos = (extended - (playoutTimestamp - queue.size())) * 1_000_000_000L / clockRate;
            offsetNanos += (waitNanos + relative - offsetNanos) * OFFSET_SMOOTHING;
        }
        packets.put(extended, new Packet(extended, payload, arrivalNanos, relative));
        newestTimestamp = Math.max(newestTimestamp, extended);
        lastArrivalNanos = Math.max(lastArrivalNanos, arrivalNanos);
    }

    /**
     * The next 10 ms of audio, due now at {@code nowNanos}; null while there is nothing to play
     * (before the first packet has waited its delay, or after the stream stopped).
     */
    public AudioFrame pull(long nowNanos) {
        if (playing && nowNanos - lastArrivalNanos > IDLE_NANOS) {
            stop();
        }
        if (!playing && !start(nowNanos)) {
            return null;
        }
        adjustPace(nowNanos);
        while (queue.size() < frameSamples) {
            produce(nowNanos);
        }
        pulledTimestamp = (playoutTimestamp - queue.size()) & 0xFFFF_FFFFL;
        short[] samples = queue.take(frameSamples, stats, nowNanos, targetDelayNanos());
        return new AudioFrame(samples, clockRate, channels, nowNanos);
    }

    private boolean start(long nowNanos) {
        if (packets.isEmpty()) {
            return false;
        }
        Packet first = packets.firstEntry().getValue();
        if (nowNanos - first.arrivalNanos() < targetDelayNanos() - first.relativeDelayNanos()) {
            return false;
        }
        playing = true;
        playoutTimestamp = first.timestamp();
        offsetNanos = targetDelayNanos();
        lastAdjustNanos = nowNanos;
        stalledSamples = 0;
        concealedRun = 0;
        return true;
    }

    private void stop() {
        playing = false;
        synced = false;
        stats.flushedDrops += packets.size();
        packets.clear();
        queue.clear();
    }

    private void resync(long packetSsrc, long timestamp) {
        if (synced) {
            stats.resyncs++;
        }
        synced = true;
        ssrc = packetSsrc;
        playing = false;
        stats.flushedDrops += packets.size();
        packets.clear();
        queue.clear();
        Arrays.fill(recent, 0);
        newestTimestamp = timestamp & 0xFFFF_FFFFL;
        delay.restart();
        decelerate = false;
    }

    /** The extended timestamp nearest {@code reference} whose low 32 bits are {@code timestamp}. */
    private static long unwrap(long timestamp, long reference) {
        return reference + (int) ((timestamp & 0xFFFF_FFFFL) - (reference & 0xFFFF_FFFFL));
    }

    /** Speeds up or slows down by 10 ms when playout trails the fastest path by too much or too little. */
    private void adjustPace(long nowNanos) {
        if (nowNanos - lastAdjustNanos < ADJUST_NANOS) {
            return;
        }
        long target = targetDelayNanos();
        long hysteresis = Math.max(FRAME_NANOS, delay.targetNanos() / 8); // jitter's noise, not sync's delay
        if (offsetNanos > target + hysteresis && canAccelerate()) {
            while (queue.size() < 2 * frameSamples) {
                produce(nowNanos);
            }
            queue.drop(frameSamples);
            stats.removedSamplesForAcceleration += frameSamples;
            offsetNanos -= FRAME_NANOS;
            lastAdjustNanos = nowNanos;
        } else if (offsetNanos < target - hysteresis) {
            decelerate = true;
            offsetNanos += FRAME_NANOS;
            lastAdjustNanos = nowNanos;
        }
    }

    /** Only real audio is dropped: decoded samples held, or the next packet at hand. */
    private boolean canAccelerate() {
        return queue.size() >= 2 * frameSamples
                || (queue.size() + packetSamples >= 2 * frameSamples && packets.containsKey(playoutTimestamp));
    }

    /** Adds at least one sample to the queue. */
    private void produce(long nowNanos) {
        if (decelerate && packets.containsKey(playoutTimestamp)) {
            decelerate = false;
            AudioFrame inserted = decoder.conceal(frameSamples, nowNanos);
            queue.addMadeUp(fit(inserted, frameSamples));
            stats.insertedSamplesForDeceleration += frameSamples;
            return;
        }
        Map<Long, Packet> stale = packets.headMap(playoutTimestamp);
        stats.lateDrops += stale.size(); // overlapped by a packet longer than its timestamps said
        stale.clear();
        Packet packet = packets.remove(playoutTimestamp);
        if (packet != null) {
            decode(packet, nowNanos);
            return;
        }
        Map.Entry<Long, Packet> next = packets.higherEntry(playoutTimestamp);
        if (next == null) { // late or lost: wait, concealing, without giving up the packet's time
            conceal(frameSamples, nowNanos);
            stalledSamples += frameSamples;
            decelerate = false; // waiting has slowed playout already
            return;
        }
        long gap = next.getKey() - playoutTimestamp;
        long covered = Math.min(gap, stalledSamples); // already concealed while waiting
        if (covered > 0) {
            stalledSamples -= covered;
            playoutTimestamp += covered;
            return;
        }
        if (gap <= packetSamples && decoder.decodesFec()) {
            recoverFromFec(next.getValue(), (int) gap, nowNanos);
            return;
        }
        int length = (int) Math.min(gap, packetSamples);
        conceal(length, nowNanos);
        playoutTimestamp += length;
    }

    private void decode(Packet packet, long nowNanos) {
        AudioFrame frame = null;
        try {
            frame = decoder.decode(packet.payload(), 0, packet.payload().length, nowNanos);
        } catch (AudioDecodeException e) {
            stats.decodeFailures++;
        }
        if (frame == null || !fits(frame) || frame.samplesPerChannel() == 0) {
            if (frame != null) {
                stats.decodeFailures++;
            }
            conceal(packetSamples, nowNanos);
            playoutTimestamp += packetSamples;
            return;
        }
        packetSamples = frame.samplesPerChannel();
        playoutTimestamp += packetSamples;
        queue.addDecoded(frame.samples(), packet.arrivalNanos());
        stalledSamples = 0;
        concealedRun = 0;
        concealing = false;
    }

    private void recoverFromFec(Packet next, int samples, long nowNanos) {
        AudioFrame recovered;
        try {
            recovered = decoder.decodeFec(next.payload(), 0, next.payload().length, samples, nowNanos);
        } catch (AudioDecodeException e) {
            stats.decodeFailures++;
            conceal(samples, nowNanos);
            playoutTimestamp += samples;
            return;
        }
        stats.fecPacketsReceived++;
        queue.addMadeUp(fit(recovered, samples));
        playoutTimestamp += samples;
        concealedRun = 0;
        concealing = false;
    }

    /** Codec concealment, or silence once the gap is long; counted as W3C concealment. */
    private void conceal(int samples, long nowNanos) {
        boolean silent = concealedRun >= longGapSamples;
        short[] pcm = silent ? new short[samples * channels] : fit(decoder.conceal(samples, nowNanos), samples);
        if (!concealing) {
            stats.concealmentEvents++;
            concealing = true;
        }
        concealedRun += samples;
        stats.concealedSamples += samples;
        if (silent) {
            stats.silentConcealedSamples += samples;
        }
        queue.addMadeUp(pcm);
    }

    private boolean fits(AudioFrame frame) {
        return frame.sampleRate() == clockRate && frame.channels() == channels;
    }

    /** Exactly {@code samples} per channel of {@code frame}: cut or padded with silence; silence if it does not fit. */
    private short[] fit(AudioFrame frame, int samples) {
        short[] out = new short[samples * channels];
        if (frame != null && fits(frame)) {
            short[] pcm = frame.samples();
            System.arraycopy(pcm, 0, out, 0, Math.min(pcm.length, out.length));
        }
        return out;
    }
}
