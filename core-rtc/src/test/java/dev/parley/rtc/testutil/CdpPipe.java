package dev.parley.rtc.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chrome DevTools Protocol over {@code --remote-debugging-pipe}: Chromium reads commands from
 * its file descriptor 3 and writes responses and events to descriptor 4, each message one JSON
 * text followed by a NUL byte. {@link ChromiumPeer} wires those descriptors to the process's
 * stdin and stdout, so this class just sees two streams.
 *
 * <p>Why a pipe and not the DevTools WebSocket: headless Chromium 156 ignores
 * {@code --remote-debugging-address} and listens on 127.0.0.1 only, and the 127.0.0.1 inside the
 * browser's network namespace cannot be reached from the test JVM in the root namespace.
 *
 * <p>Commands are matched to responses by id. With flattened sessions
 * ({@code Target.attachToTarget} with {@code flatten: true}) a page's commands travel on the same
 * pipe, tagged with its {@code sessionId}.
 */
final class CdpPipe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdpPipe.class);

    private final OutputStream toBrowser;
    private final InputStream fromBrowser;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    /** Why the pipe ended, once it has: every later command fails with it. */
    private volatile IOException closedBecause;

    CdpPipe(OutputStream toBrowser, InputStream fromBrowser, String name) {
        this.toBrowser = toBrowser;
        this.fromBrowser = fromBrowser;
        this.reader = new Thread(this::readLoop, name + "-cdp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Sends a command and waits for its result.
     *
     * @param sessionId the attached target's session, or {@code null} for the browser itself
     * @throws IOException if Chromium answers with an error, closes the pipe or does not answer in time
     */
    Map<String, Object> send(String method, Map<String, Object> params, String sessionId, Duration timeout)
            throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params == null ? Map.of() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<Map<String, Object>> response = new CompletableFuture<>();
        pending.put(id, response);
        try {
            IOException closed = closedBecause;
            if (closed != null) {
                throw new IOException("DevTools pipe is closed: " + closed.getMessage(), closed);
            }
            byte[] bytes = Json.write(message).getBytes(StandardCharsets.UTF_8);
            synchronized (toBrowser) {
                toBrowser.write(bytes);
                toBrowser.write(0);
                toBrowser.flush();
            }
            Map<String, Object> answer = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Object error = answer.get("error");
            if (error != null) {
                throw new IOException(method + " failed: " + Json.write(error));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) answer.getOrDefault("result", Map.of());
            return result;
        } catch (TimeoutException e) {
            throw new IOException(method + ": no answer from Chromium within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IOException(method + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    private void readLoop() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = fromBrowser.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        message.write(buffer, start, i - start);
                        dispatch(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                        start = i + 1;
                    }
                }
                message.write(buffer, start, n - start);
            }
            fail(new IOException("Chromium closed the DevTools pipe (did it exit?)"));
        } catch (IOException e) {
            fail(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(String text) {
        Map<String, Object> message;
        try {
            message = (Map<String, Object>) Json.parse(text);
        } catch (RuntimeException e) {
            LOG.warn("unreadable DevTools message ({}): {}", e.getMessage(), text);
            return;
        }
        Object id = message.get("id");
        if (id instanceof Number) {
            CompletableFuture<Map<String, Object>> waiting = pending.get(((Number) id).intValue());
            if (waiting != null) {
                waiting.complete(message);
            }
        } else if ("Runtime.consoleAPICalled".equals(message.get("method"))
                || "Runtime.exceptionThrown".equals(message.get("method"))) {
            // The page's console and uncaught errors: the first place to look when a test fails.
            LOG.info("chromium page: {}", text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        }
    }

    private void fail(IOException why) {
        closedBecause = why;
        pending.values().forEach(f -> f.completeExceptionally(why));
    }

    @Override
    public void close() {
        fail(new IOException("DevTools pipe closed by the test"));
        try {
            toBrowser.close();
        } catch (IOException e) {
            LOG.debug("closing DevTools pipe: {}", e.toString());
        }
        try {
            fromBrowser.close();
        } catch (IOException e) {
            LOG.debug("closing DevTools pipe: {}", e.toString());
        }
    }
}
