package dev.parley.rtc.testutil;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace that a test creates and removes (`ip netns`), joined to the test's own
 * namespace by a veth pair: a separate host on a private link, the only place besides loopback
 * our tests may send traffic. Needs root, as the interop profile does.
 *
 * <pre>
 *   test JVM (host side) ── veth ── namespace side (servers run here via {@link #command})
 *        hostAddress/24                nsAddress/24
 * </pre>
 */
public final class NetworkNamespace implements AutoCloseable {
    private final String name;
    private final InetAddress hostAddress;
    private final InetAddress nsAddress;
    private final String nsLink;
    private final String hostLink;

    private NetworkNamespace(String name, InetAddress hostAddress, InetAddress nsAddress, String nsLink,
            String hostLink) {
        this.name = name;
        this.nsLink = nsLink;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
        this.nsAddress = nsAddress;
    }

    /**
     * Creates a namespace with a veth link: {@code hostIp} on our side, {@code nsIp} inside, both /24.
     * Fails with a clear message when not root or when {@code ip} is missing.
     */
    public static NetworkNamespace create(String hostIp, String nsIp) throws IOException, InterruptedException {
        String id = Integer.toHexString(new SecureRandom().nextInt(0x100000) | 0x100000).substring(1);
        String name = "parley-" + id;
        String hostLink = "pv" + id + "h";
        String nsLink = "pv" + id + "n";
        NetworkNamespace ns = new NetworkNamespace(name, InetAddress.getByName(hostIp), InetAddress.getByName(nsIp),
                nsLink, hostLink);
        run("ip", "netns", "add", name);
        try {
            run("ip", "link", "add", hostLink, "type", "veth", "peer", "name", nsLink);
            run("ip", "link", "set", nsLink, "netns", name);
            run("ip", "addr", "add", hostIp + "/24", "dev", hostLink);
            run("ip", "link", "set", hostLink, "up");
            ns.exec("ip", "link", "set", "lo", "up");
            ns.exec("ip", "addr", "add", nsIp + "/24", "dev", nsLink);
            ns.exec("ip", "link", "set", nsLink, "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name() {
        return name;
    }

    /** Our side of the link. */
    public InetAddress hostAddress() {
        return hostAddress;
    }

    /** The namespace's side of the link. */
    public InetAddress nsAddress() {
        return nsAddress;
    }

    /** The name of the veth link's end inside the namespace (for routing rules there). */
    public String nsLink() {
        return nsLink;
    }

    /** {@code command} prefixed to run inside the namespace. */
    public List<String> command(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return full;
    }

    /** Runs a command inside the namespace and waits for it; a failure throws with its output. */
    public void exec(String... command) throws IOException, InterruptedException {
        run(command(command).toArray(new String[0]));
    }

    /**
     * Random loss on the link, both ways: an nftables rule inside the namespace drops each UDP
     * datagram leaving it or arriving with probability {@code percent}/100 (netem is not available
     * in these containers; a fixed "every nth" pattern aliases with periodic traffic such as one
     * SACK per packet, and can miss a direction's data entirely). Closing the result removes the
     * rule; {@link Loss#dropped()} says how many datagrams it dropped so far.
     */
    public Loss dropUdpDatagrams(int percent) throws IOException, InterruptedException {
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("percent must be within 1..99");
        }
        exec("nft", "add table inet parley_loss");
        try {
            for (String hook : List.of("output", "input")) {
                exec("nft", "add chain inet parley_loss " + hook + " { type filter hook " + hook + " priority 0 ; }");
                exec("nft", "add rule inet parley_loss " + hook + " meta l4proto udp numgen random mod 100 < " + percent
                        + " counter drop");
            }
        } catch (IOException | RuntimeException e) {
            exec("nft", "delete table inet parley_loss");
            throw e;
        }
        return new Loss();
    }

    /**
     * Caps the link at {@code kbitPerSecond} each way: a token bucket filter ({@code tc qdisc tbf})
     * on both ends of the veth pair, queueing up to {@code maxQueueDelay} of traffic before it
     * drops, as a bottleneck router's buffer would. Closing removes both.
     */
    public AutoCloseable capRate(int kbitPerSecond, java.time.Duration maxQueueDelay)
            throws IOException, InterruptedException {
        // The bucket holds at least two full-size packets, else tbf cannot send one at all.
        int burstBytes = Math.max(3_000, kbitPerSecond * 1000 / 8 / 100);
        List<String> tbf = List.of("root", "tbf", "rate", kbitPerSecond + "kbit", "burst", Integer.toString(burstBytes),
                "latency", maxQueueDelay.toMillis() + "ms");
        List<String> add = new ArrayList<>(List.of("tc", "qdisc", "add", "dev", hostLink));
        add.addAll(tbf);
        run(add.toArray(new String[0]));
        try {
            List<String> inside = new ArrayList<>(List.of("tc", "qdisc", "add", "dev", nsLink));
            inside.addAll(tbf);
            exec(inside.toArray(new String[0]));
        } catch (IOException | RuntimeException e) {
            run("tc", "qdisc", "del", "dev", hostLink, "root");
            throw e;
        }
        return () -> {
            run("tc", "qdisc", "del", "dev", hostLink, "root");
            exec("tc", "qdisc", "del", "dev", nsLink, "root");
        };
    }

    /** A loss rule of {@link #dropUdpDatagrams}; closing removes it. */
    public final class Loss implements AutoCloseable {
        private Loss() {}

        /** Datagrams dropped so far, leaving the namespace and arriving in it. */
        public String dropped() throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command("nft", "list", "table", "inet", "parley_loss"))
                    .redirectErrorStream(true).start();
            String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("nft list table failed in " + name + ": " + listing);
            }
            List<String> counts = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(listing);
            while (m.find()) {
                counts.add(m.group(1));
            }
            return "out " + (counts.size() > 0 ? counts.get(0) : "?") + ", in " + (counts.size() > 1 ? counts.get(1) : "?");
        }

        @Override
        public void close() throws IOException, InterruptedException {
            exec("nft", "delete table inet parley_loss");
        }
    }

    /** Deletes the namespace; its end of the veth pair goes with it, and so does ours. */
    @Override
    public void close() {
        try {
            run("ip", "netns", "del", name);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not remove network namespace " + name + ": " + e.getMessage(), e);
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + String.join(" ", command)
                    + " (network namespace tests need iproute2 and nftables, and root)", e);
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 20 s");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + output.trim()
                    + " — network namespace tests need root");
        }
    }
}
