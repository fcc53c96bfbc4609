package dev.parley.rtc.bench;

import dev.parley.rtc.srtp.DtlsSrtpKeys;
import dev.parley.rtc.srtp.SrtpException;
import dev.parley.rtc.srtp.SrtpProfile;
import dev.parley.rtc.srtp.SrtpSession;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SRTP cost per packet: protect on one session plus unprotect on its peer, for a 1200-byte RTP
 * packet (12-byte header, 1188-byte payload), per profile. Each round times
 * {@link #ITERATIONS} packets after {@link #WARMUP} warm-up packets; the median round is reported.
 * Targets: 1000 ns (AES-CM/HMAC-SHA1-80) and 500 ns (AES-128-GCM) per protect+unprotect.
 *
 * <p>The notes also give the floor the JDK's primitives set, measured the same way: for AES-CM,
 * two bare {@code HmacSHA1} computations over 1200 bytes (one per direction); for GCM, two bare
 * {@code AES/GCM} encryptions of a 16-byte payload, i.e. the per-call cost of init + doFinal.
 */
public final class SrtpBenchmark {
    private static final int WARMUP = 200_000;
    private static final int ITERATIONS = 200_000;
    private static final int ROUNDS = 7;
    private static final int SSRC = 0x5EED1234;

    private SrtpBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, "srtp-aes-cm-hmac-sha1-80", 1000);
        run(SrtpProfile.SRTP_AEAD_AES_128_GCM, "srtp-aead-aes-128-gcm", 500);
    }

    private static void run(SrtpProfile profile, String name, double target) throws Exception {
        byte[] material = new byte[profile.exportedKeyingMaterialLength()];
        new Random(1).nextBytes(material);
        SrtpSession sender = DtlsSrtpKeys.split(material, profile, true).newSession();
        SrtpSession receiver = DtlsSrtpKeys.split(material, profile, false).newSession();
        byte[] packet = new byte[1200];
        new Random(2).nextBytes(packet);
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[8] = (byte) (SSRC >>> 24);
        packet[9] = (byte) (SSRC >>> 16);
        packet[10] = (byte) (SSRC >>> 8);
        packet[11] = (byte) SSRC;

        int[] seq = {0};
        long sink = loop(sender, receiver, packet, seq, WARMUP);
        double[] nsPerPacket = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            sink += loop(sender, receiver, packet, seq, ITERATIONS);
            nsPerPacket[r] = (System.nanoTime() - start) / (double) ITERATIONS;
        }
        double median = BenchReport.median(nsPerPacket);
        double floor = 2 * (profile.isAead() ? bareGcmCall() : bareHmacSha1());
        String notes = String.format(Locale.ROOT,
                "protect+unprotect of a 1200-byte RTP packet, JDK %s javax.crypto; %d rounds of %d after %d warm-up;"
                        + " min %.0f, max %.0f ns; JDK floor %.0f ns (%s); checksum %d",
                System.getProperty("java.version"), ROUNDS, ITERATIONS, WARMUP, nsPerPacket[0],
                nsPerPacket[ROUNDS - 1], floor,
                profile.isAead() ? "2 x bare AES/GCM init+doFinal of 16 bytes" : "2 x bare HmacSHA1 of 1200 bytes",
                sink & 0xFF);
        new BenchReport(name, "ns", "lower", median, null, target, ROUNDS, notes).publish();
    }

    /** Median ns of one HmacSHA1 over 1200 bytes. */
    private static double bareHmacSha1() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
        byte[] data = new byte[1200];
        byte[] out = new byte[20];
        double[] rounds = new double[ROUNDS + 1];
        for (int r = 0; r < rounds.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ITERATIONS; i++) {
                data[0] = (byte) i;
                mac.update(data);
                mac.doFinal(out, 0);
            }
            rounds[r] = (System.nanoTime() - start) / (double) ITERATIONS;
        }
        return BenchReport.median(java.util.Arrays.copyOfRange(rounds, 1, rounds.length)); // round 0 warms up
    }

    /** Median ns of one AES/GCM init + AAD + doFinal of a 16-byte payload: the JCE's per-call cost. */
    private static double bareGcmCall() throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        byte[] iv = new byte[12];
        byte[] in = new byte[28];
        byte[] out = new byte[48];
        double[] rounds = new double[ROUNDS + 1];
        int n = 0;
        for (int r = 0; r < rounds.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ITERATIONS; i++, n++) {
                iv[8] = (byte) (n >>> 24);
                iv[9] = (byte) (n >>> 16);
                iv[10] = (byte) (n >>> 8);
                iv[11] = (byte) n;
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                gcm.updateAAD(in, 0, 12);
                gcm.doFinal(in, 12, 16, out, 12);
            }
            rounds[r] = (System.nanoTime() - start) / (double) ITERATIONS;
        }
        return BenchReport.median(java.util.Arrays.copyOfRange(rounds, 1, rounds.length));
    }

    private static long loop(SrtpSession sender, SrtpSession receiver, byte[] packet, int[] seq, int n)
            throws SrtpException {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            int s = seq[0]++ & 0xFFFF;
            packet[2] = (byte) (s >>> 8);
            packet[3] = (byte) s;
            byte[] plain = receiver.unprotectRtp(sender.protectRtp(packet));
            sink += plain[plain.length - 1];
        }
        return sink;
    }
}
