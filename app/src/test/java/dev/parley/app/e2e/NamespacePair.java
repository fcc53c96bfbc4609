package dev.parley.app.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two Linux network namespaces joined to each other by a veth pair and to nothing else: two
 * computers on a private link, each a process's whole network (`ip netns`, needs root).
 *
 * <pre>
 *   first namespace  firstIp/24 ── veth ── secondIp/24  second namespace
 * </pre>
 *
 * core-rtc's test {@code NetworkNamespace} links one namespace to the test's own; this pair keeps
 * the test's namespace out of the call, and compiles without core-rtc's test-jar.
 */
final class NamespacePair implements AutoCloseable {
    private static final long COMMAND_SECONDS = 20;

    private final String first;
    private final String second;

    private NamespacePair(String first, String second) {
        this.first = first;
        this.second = second;
    }

    /** Creates both namespaces with the link; removes what it made if a step fails. */
    static NamespacePair create(String firstIp, String secondIp) throws IOException, InterruptedException {
        String id = Integer.toHexString(new SecureRandom().nextInt(0x100000) | 0x100000).substring(1);
        NamespacePair pair = new NamespacePair("parley-e2e-" + id + "a", "parley-e2e-" + id + "b");
        String firstLink = "pe" + id + "a";
        String secondLink = "pe" + id + "b";
        run("ip", "netns", "add", pair.first);
        try {
            run("ip", "netns", "add", pair.second);
            run("ip", "link", "add", firstLink, "netns", pair.first, "type", "veth", "peer", "name", secondLink,
                    "netns", pair.second);
            pair.setUp(pair.first, firstLink, firstIp);
            pair.setUp(pair.second, secondLink, secondIp);
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private void setUp(String namespace, String link, String ip) throws IOException, InterruptedException {
        run(in(namespace, "ip", "link", "set", "lo", "up"));
        run(in(namespace, "ip", "addr", "add", ip + "/24", "dev", link));
        run(in(namespace, "ip", "link", "set", link, "up"));
    }

    /** {@code command} run inside the first namespace. */
    List<String> inFirst(List<String> command) {
        return in(first, command);
    }

    /** {@code command} run inside the second namespace. */
    List<String> inSecond(List<String> command) {
        return in(second, command);
    }

    private static String[] in(String namespace, String... command) {
        return in(namespace, List.of(command)).toArray(String[]::new);
    }

    private static List<String> in(String namespace, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /** Deletes both namespaces (the veth pair goes with them); reports every failure, tries both. */
    @Override
    public void close() throws IOException, InterruptedException {
        IOException failure = null;
        for (String namespace : List.of(first, second)) {
            try {
                if (exists(namespace)) {
                    run("ip", "netns", "del", namespace);
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static boolean exists(String namespace) throws IOException, InterruptedException {
        return run("ip", "netns", "list").lines().anyMatch(line -> line.split(" ")[0].equals(namespace));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + String.join(" ", command) + " (needs iproute2)", e);
        }
        if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS + " s");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + output.trim()
                    + " (network namespaces need root)");
        }
        return output;
    }
}
