package dev.parley.rtc.testutil;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real headless Chromium (Debian's {@code chromium} package) for interop tests, running inside a
 * {@link NetworkNamespace} because Chromium gathers no ICE candidates on loopback: its host
 * candidates are the namespace's veth address, and our side talks to it from the host side of
 * that link. Driven with the Chrome DevTools Protocol over {@code --remote-debugging-pipe}
 * ({@link CdpPipe} says why not the WebSocket port).
 *
 * <pre>
 *   test JVM ──stdin/stdout (CDP pipe)──▶ ip netns exec NS chromium --headless=new … about:blank
 *   our ICE agent (hostAddress) ◀──── veth ────▶ RTCPeerConnection (nsAddress)
 * </pre>
 *
 * <p>If the namespace has no default route, one is added towards an unused address on its link
 * ({@link #ensureDefaultRoute} says why Chromium needs it).
 *
 * <p>Scripts run in the {@code about:blank} page with {@link #eval}/{@link #evalAsync};
 * values come back as plain Java values ({@link Json}'s mapping). Tests must fail, not skip,
 * when Chromium is missing: the messages say what to install.
 */
public final class ChromiumPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumPeer.class);
    public static final Path BINARY = Path.of("/usr/lib/chromium/chromium");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /**
     * The flags known to work here as root and headless (see shared/reference/README.md). mDNS
     * hiding is off so host candidates carry the namespace address, which our agent can use
     * (it resolves no {@code .local} names).
     */
    private static final List<String> FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--use-fake-device-for-media-stream=fps=30", "--use-fake-ui-for-media-stream",
            "--disable-features=WebRtcHideLocalIpsWithMdns", "--remote-debugging-pipe");

    private final Path dir;
    private final Process process;
    private final CdpPipe cdp;
    private String sessionId;

    private ChromiumPeer(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
        this.cdp = new CdpPipe(process.getOutputStream(), process.getInputStream(), "chromium-" + process.pid());
    }

    /**
     * Starts Chromium in {@code ns} on an empty page and attaches to it. The page is a local file:
     * a {@code file:} URL is a secure context, so {@code navigator.mediaDevices} (the fake camera
     * and microphone) exists there, unlike on {@code about:blank}.
     */
    public static ChromiumPeer start(NetworkNamespace ns, String... extraFlags) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Chromium not found at " + BINARY
                    + ": install it (apt-get install -y chromium); interop tests fail rather than skip without it");
        }
        if (!isRoot()) {
            throw new IllegalStateException("ChromiumPeer needs root: it runs Chromium in a network namespace");
        }
        ensureDefaultRoute(ns);
        Path dir = Files.createTempDirectory("parley-chromium");
        List<String> chromium = new ArrayList<>();
        chromium.add(BINARY.toString());
        chromium.addAll(FLAGS);
        chromium.add("--user-data-dir=" + dir.resolve("profile"));
        chromium.addAll(List.of(extraFlags));
        Path page = dir.resolve("parley.html");
        Files.writeString(page, "<!doctype html><title>parley interop</title>", StandardCharsets.UTF_8);
        chromium.add(page.toUri().toString());
        // The pipe transport uses fds 3 (commands in) and 4 (messages out). Java cannot hand a child
        // extra descriptors, so a shell moves our stdin/stdout there and sends Chromium's own
        // stdout to its log, keeping the pipe free of anything but protocol messages.
        List<String> shell = new ArrayList<>(List.of("sh", "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null 1>&2"));
        shell.addAll(chromium);
        Process process = new ProcessBuilder(ns.command(shell.toArray(new String[0])))
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        ChromiumPeer peer = new ChromiumPeer(dir, process);
        try {
            peer.attachToPage();
        } catch (IOException | RuntimeException e) {
            String log = peer.log();
            peer.close();
            throw new IOException("Chromium did not start: " + e.getMessage() + "\n--- chromium log ---\n" + log, e);
        }
        LOG.info("Chromium {} started in namespace {} (pid {})", peer.version(), ns.name(), process.pid());
        return peer;
    }

    /**
     * Without camera or microphone permission a page's host candidates come only from the interface
     * of the default route, which Chromium finds by "connecting" a UDP socket towards a public
     * address (no packet is sent). A fresh namespace has no default route, so Chromium gathers no
     * candidate at all (seen here: an offer without a single {@code a=candidate}). The route added
     * here points at an address on the veth link that nobody holds: anything actually sent off-link
     * stops at the unanswered ARP request on the namespace's own link, never leaving it.
     */
    private static void ensureDefaultRoute(NetworkNamespace ns) throws IOException, InterruptedException {
        Process show = new ProcessBuilder(ns.command("ip", "-4", "route", "show", "default")).redirectErrorStream(true)
                .start();
        String routes = new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!show.waitFor(10, TimeUnit.SECONDS) || show.exitValue() != 0) {
            throw new IOException("ip route show default failed in " + ns.name() + ": " + routes);
        }
        if (!routes.isEmpty()) {
            return; // the test set up its own routing (a NAT, say): leave it alone
        }
        byte[] gateway = ns.nsAddress().getAddress();
        if (gateway.length != 4) {
            throw new IllegalArgumentException("ChromiumPeer expects an IPv4 namespace link, not " + ns.nsAddress());
        }
        byte[] host = ns.hostAddress().getAddress();
        gateway[3] = (byte) (gateway[3] == (byte) 254 || host[3] == (byte) 254 ? 253 : 254); // same /24, unused
        ns.exec("ip", "route", "add", "default", "via", InetAddress.getByAddress(gateway).getHostAddress());
    }

    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1].equals("0");
            }
        }
        return false;
    }

    /** Finds the page (it may appear a little after the browser answers) and attaches to it. */
    @SuppressWarnings("unchecked")
    private void attachToPage() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String targetId = null;
        while (targetId == null) {
            Map<String, Object> targets = cdp.send("Target.getTargets", null, null, START_TIMEOUT);
            for (Object t : (List<Object>) targets.get("targetInfos")) {
                Map<String, Object> info = (Map<String, Object>) t;
                if ("page".equals(info.get("type"))) {
                    targetId = (String) info.get("targetId");
                }
            }
            if (targetId == null) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("no page target within " + START_TIMEOUT.toSeconds() + " s: " + targets);
                }
                Thread.sleep(50); // polling: the browser has no event for "first page ready" before we attach
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("targetId", targetId);
        params.put("flatten", true);
        sessionId = (String) cdp.send("Target.attachToTarget", params, null, START_TIMEOUT).get("sessionId");
        cdp.send("Runtime.enable", null, sessionId, START_TIMEOUT); // console messages reach our log
        awaitPageLoaded();
    }

    /**
     * The page target exists before our file has loaded in it; a script evaluated in the initial
     * empty document loses its globals when the file's document replaces it. Polls (no event is
     * subscribed before we attach) until the file page is complete.
     */
    private void awaitPageLoaded() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Object loaded = eval("location.protocol === 'file:' && document.readyState === 'complete'", START_TIMEOUT);
            if (Boolean.TRUE.equals(loaded)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the page did not load within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20); // polling, as above: the load event may already have passed
        }
    }

    /**
     * Loads {@code url} in the page and returns once its document is complete. {@code Page.navigate}
     * answers when the new document has committed, so the polls that follow run in it rather than
     * in the old one being torn down (a script evaluated mid-swap fails with "Inspected target
     * navigated or closed").
     *
     * @throws IOException if the navigation fails or the page does not load within the default timeout
     */
    public void navigate(String url) throws IOException, InterruptedException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url);
        // The fixture's default route appears just after start; a navigation that races it fails
        // with ERR_NETWORK_CHANGED, which Chromium means as "try again".
        for (int attempt = 1; ; attempt++) {
            Map<String, Object> result = cdp.send("Page.navigate", params, sessionId, DEFAULT_TIMEOUT);
            Object error = result.get("errorText");
            if (error == null || error.toString().isEmpty()) {
                break;
            }
            if (!error.toString().contains("ERR_NETWORK_CHANGED") || attempt == 3) {
                throw new IOException("navigating to " + url + " failed: " + error);
            }
        }
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!Boolean.TRUE.equals(eval("document.readyState === 'complete'"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException(url + " did not finish loading within " + DEFAULT_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20); // polling: the load event may already have passed when we ask
        }
    }

    /** Chromium's product string, e.g. {@code HeadlessChrome/156.0.8078.108}. */
    public String version() throws IOException, InterruptedException {
        return (String) cdp.send("Browser.getVersion", null, null, DEFAULT_TIMEOUT).get("product");
    }

    /**
     * Evaluates a JavaScript expression in the page; a promise is awaited. Returns the value as
     * JSON maps to Java ({@code undefined} is {@code null}).
     *
     * @throws IllegalStateException with the JavaScript error if the script throws or the promise rejects
     * @throws IOException if Chromium does not answer within {@code timeout}
     */
    @SuppressWarnings("unchecked")
    public Object eval(String expression, Duration timeout) throws IOException, InterruptedException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("awaitPromise", true);
        params.put("returnByValue", true);
        Map<String, Object> result = cdp.send("Runtime.evaluate", params, sessionId, timeout);
        Map<String, Object> exception = (Map<String, Object>) result.get("exceptionDetails");
        if (exception != null) {
            Map<String, Object> thrown = (Map<String, Object>) exception.get("exception");
            Object description = thrown == null ? null : thrown.getOrDefault("description", thrown.get("value"));
            throw new IllegalStateException("JavaScript failed: " + exception.get("text")
                    + (description == null ? "" : " " + description));
        }
        return ((Map<String, Object>) result.get("result")).get("value");
    }

    public Object eval(String expression) throws IOException, InterruptedException {
        return eval(expression, DEFAULT_TIMEOUT);
    }

    /** Runs {@code body} as the body of an async function, so it may {@code await} and must {@code return}. */
    public Object evalAsync(String body, Duration timeout) throws IOException, InterruptedException {
        return eval("(async () => {\n" + body + "\n})()", timeout);
    }

    public Object evalAsync(String body) throws IOException, InterruptedException {
        return evalAsync(body, DEFAULT_TIMEOUT);
    }

    /** CPU time Chromium has used so far, all its processes (browser, renderer, GPU, network…) together. */
    public java.time.Duration cpuTime() {
        return ProcessCpu.ofTree(process.toHandle());
    }

    /** Chromium's stderr so far (its log), for failure messages. */
    public String log() {
        try {
            String log = Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8);
            return log.length() > 20_000 ? "…" + log.substring(log.length() - 20_000) : log;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Ends Chromium and every process it started, waits for them, and deletes the profile. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        cdp.close(); // Chromium treats the pipe closing as a request to exit
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            LOG.warn("Chromium pid {} ignored SIGTERM for 5 s; killing it", process.pid());
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Chromium process {} still alive after SIGKILL: {}", p.pid(), e.toString());
            }
        }
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete Chromium profile {}: {}", root, e.toString());
        }
    }
}
