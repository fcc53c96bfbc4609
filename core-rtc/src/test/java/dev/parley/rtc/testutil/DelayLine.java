package dev.parley.rtc.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fixed one-way delay, both ways, on the veth link of a {@link NetworkNamespace}, for every IP
 * packet alike (UDP, TCP, ICMP): a packet-level stand-in for {@code tc qdisc … netem delay},
 * which this kernel lacks ("Specified qdisc kind is unknown"; of the qdiscs, only tbf, htb,
 * pfifo, red, choke and ets exist here, and none of them delays by a fixed time). Because it
 * works on packets, TCP measured through it has the same round trip as SCTP: a TCP proxy that
 * delayed a byte stream would split the connection, and each half would see loopback round trips.
 *
 * <p>Inside the namespace a TUN device {@value #DEVICE} is served by delayline.py, which writes
 * each packet back {@code oneWay} after reading it; policy routing sends through the device
 * what the namespace sends to the host side and what arrives from it:
 *
 * <pre>
 *   in:  host ── veth ──▶ nsLink ─rule 101: iif nsLink, from host─▶ dl0 ─▶ delayline.py
 *        ─(oneWay later)─▶ dl0 ─▶ local delivery
 *   out: local ─rule 100: iif lo, to host─▶ dl0 ─▶ delayline.py
 *        ─(oneWay later)─▶ dl0 ─▶ forwarded ─▶ nsLink ── veth ──▶ host
 * </pre>
 *
 * The local routing table moves behind these rules (pref 200), since the arriving packets are
 * addressed to the namespace itself. Rule 101 matches TCP, UDP and ICMP only, so that ARP is
 * answered directly. Early demux is off: it would tie an arriving packet to its local socket
 * before routing and the forward to the device would then drop it. Everything here lives and
 * dies with the namespace; only the host side's veth end is outside it, as before.
 */
public final class DelayLine implements AutoCloseable {
    public static final String DEVICE = "dl0";
    private static final String TABLE = "100";
    /** Packets the line holds at most (a full queue drops, as a link's buffer would). */
    private static final int QUEUE_LIMIT = 100_000;

    private final Process process;
    private final Path dir;
    private final Duration oneWay;

    private DelayLine(Process process, Path dir, Duration oneWay) {
        this.process = process;
        this.dir = dir;
        this.oneWay = oneWay;
    }

    /** Starts the line in {@code ns}; needs python3 and root, as the namespace does. */
    public static DelayLine start(NetworkNamespace ns, Duration oneWay) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("parley-delayline");
        Path script = dir.resolve("delayline.py");
        try (InputStream in = DelayLine.class.getResourceAsStream("/dev/parley/rtc/testutil/delayline.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process process;
        try {
            process = new ProcessBuilder(ns.command("python3", script.toString(), DEVICE,
                    String.format(Locale.ROOT, "%.3f", oneWay.toNanos() / 1e6), Integer.toString(QUEUE_LIMIT)))
                    .redirectError(dir.resolve("delayline.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot start python3 for the delay line (install python3)", e);
        }
        DelayLine line = new DelayLine(process, dir, oneWay);
        try {
            line.awaitReady();
            String host = ns.hostAddress().getHostAddress();
            ns.exec("ip", "link", "set", DEVICE, "up", "txqueuelen", "10000");
            ns.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0",
                    "net.ipv4.conf.default.rp_filter=0", "net.ipv4.conf." + DEVICE + ".rp_filter=0",
                    "net.ipv4.conf." + DEVICE + ".accept_local=1", "net.ipv4.ip_early_demux=0");
            ns.exec("ip", "route", "add", "default", "dev", DEVICE, "table", TABLE);
            ns.exec("ip", "rule", "add", "pref", "100", "iif", "lo", "to", host, "lookup", TABLE);
            for (String protocol : new String[] {"tcp", "udp", "icmp"}) {
                ns.exec("ip", "rule", "add", "pref", "101", "iif", ns.nsLink(), "from", host, "ipproto", protocol,
                        "lookup", TABLE);
            }
            ns.exec("ip", "rule", "add", "pref", "200", "lookup", "local");
            ns.exec("ip", "rule", "del", "pref", "0");
        } catch (IOException | InterruptedException | RuntimeException e) {
            line.close();
            throw e;
        }
        return line;
    }

    private void awaitReady() throws IOException, InterruptedException {
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (!"ready".equals(line)) {
            throw new IOException("the delay line did not start: " + log());
        }
    }

    public Duration oneWay() {
        return oneWay;
    }

    /** CPU time delayline.py has used so far (the kernel's forwarding work it triggers included). */
    public Duration cpuTime() {
        return ProcessCpu.ofTree(process.toHandle());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("delayline.log"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the line (closing its stdin ends it) and returns; the namespace takes the device with it. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        String log = log();
        if (!log.isEmpty()) {
            System.out.println(log);
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
