package dev.parley.rtc.bench;

import dev.parley.rtc.srtp.DtlsSrtpKeys;
import dev.parley.rtc.srtp.SrtpException;
import dev.parley.rtc.srtp.SrtpProfile;
import dev.parley.rtc.srtp.SrtpSession;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue #4's SRTP benchmark: one protect on a session plus one unprotect on its peer, for a
 * 1200-byte RTP packet (12-byte header, 1188-byte payload), per profile, with JMH. Each call
 * sends the next sequence number, as a real stream does. Targets: 1000 ns (AES-CM/HMAC-SHA1-80)
 * and 500 ns (AEAD_AES_128_GCM) per protect+unprotect. {@link #main} runs it
 * together with {@link SrtpPrimitivesBenchmark} and writes the JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class SrtpBenchmark {
    static final int PACKET = 1200;
    // Measured with this benchmark's settings on the code before issue #4's optimisation (commit bc6904f).
    private static final String BEFORE_AES_CM = "2027 ns (mean, quiet machine; median 2386 ns at load 3)";
    private static final String BEFORE_GCM = "1328 ns (mean, quiet machine; median 1256 ns at load 3)";
    private static final int SSRC = 0x5EED1234;

    @Param({"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    public SrtpProfile profile;

    private SrtpSession sender;
    private SrtpSession receiver;
    private final byte[] packet = new byte[PACKET];
    private final byte[] srtp = new byte[PACKET + 16];
    private final byte[] rtp = new byte[PACKET];
    private int seq;

    @Setup
    public void setUp() {
        byte[] material = new byte[profile.exportedKeyingMaterialLength()];
        new Random(1).nextBytes(material);
        sender = DtlsSrtpKeys.split(material, profile, true).newSession();
        receiver = DtlsSrtpKeys.split(material, profile, false).newSession();
        new Random(2).nextBytes(packet);
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[8] = (byte) (SSRC >>> 24);
        packet[9] = (byte) (SSRC >>> 16);
        packet[10] = (byte) (SSRC >>> 8);
        packet[11] = (byte) SSRC;
    }

    private void nextSequenceNumber() {
        int s = seq++ & 0xFFFF;
        packet[2] = (byte) (s >>> 8);
        packet[3] = (byte) s;
    }

    /** The array-returning API: each call allocates its result. */
    @Benchmark
    public byte[] protectThenUnprotect() throws SrtpException {
        nextSequenceNumber();
        return receiver.unprotectRtp(sender.protectRtp(packet));
    }

    /** The buffer API a send/receive path with its own buffers uses: nothing allocated per packet by us. */
    @Benchmark
    public byte[] protectThenUnprotectIntoBuffers() throws SrtpException {
        nextSequenceNumber();
        int n = sender.protectRtp(packet, 0, PACKET, srtp, 0);
        receiver.unprotectRtp(srtp, 0, n, rtp, 0);
        return rtp;
    }

    /**
     * Runs this benchmark and {@link SrtpPrimitivesBenchmark} in forked JVMs (which inherit this
     * JVM's class path and {@code java}), then prints and writes one report per profile.
     */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(SrtpBenchmark.class.getName() + "."))
                .include("^" + Pattern.quote(SrtpPrimitivesBenchmark.class.getName() + "."))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .build();
        JmhResults results = new JmhResults(new Runner(options).run());
        String jdk = results.jdkDescription() + "; " + Intrinsics.describe();

        String cm = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.name();
        results.report("srtp-aes-cm-hmac-sha1-80", "protectThenUnprotect", cm, 1000, jdk,
                String.format(Locale.ROOT, "into caller buffers %s; floors per call (x2 per round trip): "
                                + "SHA-1 of 1204 B %s, JDK HmacSHA1 %s, our HmacSha1 (cloned ipad/opad digests) %s,"
                                + " AES/CTR init + 1188 B %s; rejected: pure-Java SHA-1 %s;"
                                + " before issue #4 work (bc6904f, same JMH settings, JDK 17): %s",
                        results.summary("protectThenUnprotectIntoBuffers", cm),
                        results.median("sha1Of1204Bytes"), results.median("hmacSha1Of1204Bytes"),
                        results.median("hmacSha1FromClonedPrefixes"), results.median("aesCtrInitAndDoFinal1188"),
                        results.median("pureJavaSha1Of1204Bytes"), BEFORE_AES_CM)).publish();

        String gcm = SrtpProfile.SRTP_AEAD_AES_128_GCM.name();
        results.report("srtp-aead-aes-128-gcm", "protectThenUnprotect", gcm, 500, jdk,
                String.format(Locale.ROOT, "into caller buffers %s; floors per call (x2 per round trip): "
                                + "JDK AES/GCM init + encrypt of 16 B %s, of 1188 B %s, decrypt of 1188 B %s;"
                                + " rejected: AES/CTR + pure-Java GHASH (8-bit tables) %s, BouncyCastle GCM %s;"
                                + " before issue #4 work (bc6904f, same JMH settings, JDK 17): %s",
                        results.summary("protectThenUnprotectIntoBuffers", gcm),
                        results.median("aesGcmEncrypt16"), results.median("aesGcmEncrypt1188"),
                        results.median("aesGcmDecrypt1188"), results.median("aesCtrWithPureJavaGhash1188"),
                        results.median("bouncyCastleGcmEncrypt1188"), BEFORE_GCM)).publish();
    }
}
