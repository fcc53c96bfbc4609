package dev.parley.rtc.bench;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.codec.AudioDecoder;
import dev.parley.rtc.codec.AudioEncoder;
import dev.parley.rtc.codec.EncodedAudio;
import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.H264Codec;
import dev.parley.rtc.codec.OpusCodec;
import dev.parley.rtc.codec.VideoCodecFactory;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.codec.Vp8Codec;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue #6's codec costs, one core (the codecs run single-threaded on the caller's thread): wall
 * time to encode and to decode one 1280x720 test-pattern frame with VP8 and H.264 at 2 Mbit/s,
 * the CPU-seconds per second a 1280x720@30 VP8 stream costs to encode and decode (Chromium
 * needs ~0.39 with its fake camera here, the target), and one 20 ms Opus frame. The
 * pictures are made before timing starts (60 frames, cycled); the first second is warm-up.
 */
public final class CodecBenchmark {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int BITRATE = 2_000_000;
    private static final int WARMUP_FRAMES = 30;
    private static final int FRAMES = 300;
    private static final double FRAME_INTERVAL_MS = 1000.0 / 30;

    private CodecBenchmark() {}

    public static void main(String[] args) throws Exception {
        FfmpegNatives natives = FfmpegNatives.javacpp();
        TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
        List<VideoFrame> pictures = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            pictures.add(pattern.frame(n, n * 33_333_333L));
        }
        video("vp8", Vp8Codec.create(natives), pictures, true);
        video("h264", H264Codec.create(natives), pictures, false);
        opus(new OpusCodec(natives));
    }

    private static void video(String name, VideoCodecFactory codec, List<VideoFrame> pictures, boolean cpuReport)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] encodeMs = new double[FRAMES];
        double[] decodeMs = new double[FRAMES];
        int measured = 0;
        long cpuStart = 0;
        long bytes = 0;
        try (VideoEncoder encoder = codec.createEncoder(new VideoEncoderConfig(BITRATE, 30));
             VideoDecoder decoder = codec.createDecoder()) {
            for (int n = 0; n < WARMUP_FRAMES + FRAMES; n++) {
                if (n == WARMUP_FRAMES) {
                    cpuStart = threads.getCurrentThreadCpuTime();
                }
                VideoFrame source = pictures.get(n % pictures.size());
                VideoFrame picture = new VideoFrame(WIDTH, HEIGHT, array(source.dataY()), source.strideY(),
                        array(source.dataU()), source.strideU(), array(source.dataV()), source.strideV(), 0,
                        n * 33_333_333L); // timestamps keep rising while the pictures cycle
                long t0 = System.nanoTime();
                Optional<EncodedVideoFrame> encoded = encoder.encode(picture);
                long t1 = System.nanoTime();
                if (encoded.isEmpty()) {
                    continue;
                }
                decoder.decode(encoded.get().data(), picture.captureTimeNanos());
                long t2 = System.nanoTime();
                if (n >= WARMUP_FRAMES) {
                    encodeMs[measured] = (t1 - t0) / 1e6;
                    decodeMs[measured] = (t2 - t1) / 1e6;
                    measured++;
                    bytes += encoded.get().data().length;
                }
            }
        }
        double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double streamSeconds = FRAMES / 30.0;
        double[] enc = java.util.Arrays.copyOf(encodeMs, measured);
        double[] dec = java.util.Arrays.copyOf(decodeMs, measured);
        double encMedian = BenchReport.median(enc);
        double decMedian = BenchReport.median(dec);
        String common = String.format(Locale.ROOT, "1280x720 TestPattern at %d kbit/s (measured %.0f), %d frames after %d"
                + " warm-up, one thread; load %s", BITRATE / 1000, bytes * 8 / streamSeconds / 1000, measured,
                WARMUP_FRAMES, BenchReport.loadAverage());
        new BenchReport(name + "-720p-encode", "ms", "lower", encMedian, null, FRAME_INTERVAL_MS, measured,
                String.format(Locale.ROOT, "median ms per frame; p90 %.2f, max %.2f; target: one frame interval at 30 fps; %s",
                        BenchReport.percentile(enc, 90), enc[enc.length - 1], common)).publish();
        new BenchReport(name + "-720p-decode", "ms", "lower", decMedian, null, FRAME_INTERVAL_MS, measured,
                String.format(Locale.ROOT, "median ms per frame; p90 %.2f, max %.2f; %s",
                        BenchReport.percentile(dec, 90), dec[dec.length - 1], common)).publish();
        if (cpuReport) {
            new BenchReport(name + "-720p30-cpu", "cpu-s/s", "lower", cpuSeconds / streamSeconds, null, 0.39, measured,
                    "CPU of encode + decode (and the picture copies) per second of a 30 fps stream, from the thread's"
                            + " CPU time; target: Chromium's ~0.39 with its fake camera (issue #6, not this run); " + common)
                    .publish();
        }
    }

    private static byte[] array(java.nio.ByteBuffer plane) {
        byte[] copy = new byte[plane.remaining()];
        plane.get(copy);
        return copy;
    }

    private static void opus(OpusCodec codec) throws Exception {
        AudioEncoder encoder = codec.createEncoder();
        AudioDecoder decoder = codec.createDecoder();
        ToneGenerator tone = new ToneGenerator(440, 0.5, 48_000, 1);
        int packets = 2000;
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < 2 * packets; i++) {
            frames.add(tone.nextFrame(i * 10_000_000L));
        }
        double[] encodeUs = new double[packets];
        double[] decodeUs = new double[packets];
        int count = 0;
        long encodeStart = 0;
        for (AudioFrame frame : frames) {
            if (encodeStart == 0) {
                encodeStart = System.nanoTime();
            }
            EncodedAudio encoded = encoder.encode(frame);
            if (encoded.timestampUnits() == 0) {
                continue; // the first 10 ms of a packet: buffered
            }
            long encoded20 = System.nanoTime();
            decoder.decode(encoded.payload(), 0, encoded.payload().length, 0);
            long decoded = System.nanoTime();
            encodeUs[count] = (encoded20 - encodeStart) / 1e3;
            decodeUs[count] = (decoded - encoded20) / 1e3;
            count++;
            encodeStart = 0;
        }
        ((AutoCloseable) encoder).close();
        ((AutoCloseable) decoder).close();
        double[] enc = java.util.Arrays.copyOfRange(encodeUs, packets / 4, count); // first quarter: warm-up
        double[] dec = java.util.Arrays.copyOfRange(decodeUs, packets / 4, count);
        double encMedian = BenchReport.median(enc);
        double decMedian = BenchReport.median(dec);
        String notes = "median µs per 20 ms packet, 48 kHz mono 440 Hz tone at 32 kbit/s, FEC on; load "
                + BenchReport.loadAverage();
        new BenchReport("opus-20ms-encode", "us", "lower", encMedian, null, 20_000, enc.length,
                String.format(Locale.ROOT, "%s; p90 %.1f; target: real time (20 ms)", notes,
                        BenchReport.percentile(enc, 90))).publish();
        new BenchReport("opus-20ms-decode", "us", "lower", decMedian, null, 20_000, dec.length,
                String.format(Locale.ROOT, "%s; p90 %.1f; target: real time (20 ms)", notes,
                        BenchReport.percentile(dec, 90))).publish();
    }
}
