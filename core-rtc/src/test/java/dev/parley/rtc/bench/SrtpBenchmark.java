package dev.parley.rtc.bench;

import dev.parley.rtc.srtp.DtlsSrtpKeys;
import dev.parley.rtc.srtp.SrtpException;
import dev.parley.rtc.srtp.SrtpProfile;
import dev.parley.rtc.srtp.SrtpSession;
import java.util.Locale;
import java.util.Random;

/**
 * SRTP cost per packet: protect on one session plus unprotect on its peer, for a 1200-byte RTP
 * packet (12-byte header, 1188-byte payload), per profile. Each round times
 * {@link #ITERATIONS} packets after {@link #WARMUP} warm-up packets; the median round is reported.
 * Targets: 1000 ns (AES-CM/HMAC-SHA1-80) and 500 ns (AES-128-GCM) per protect+unprotect.
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

    private static void run(SrtpProfile profile, String name, double target) throws SrtpException {
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
        String notes = String.format(Locale.ROOT,
                "protect+unprotect of a 1200-byte RTP packet, JDK %s javax.crypto; %d rounds of %d after %d warm-up;"
                        + " min %.0f, max %.0f ns; checksum %d",
                System.getProperty("java.version"), ROUNDS, ITERATIONS, WARMUP, nsPerPacket[0],
                nsPerPacket[ROUNDS - 1], sink & 0xFF);
        new BenchReport(name, "ns", "lower", median, null, target, ROUNDS, notes).publish();
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
