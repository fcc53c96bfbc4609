package dev.parley.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallHistoryStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:40:05Z"), ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    private CallHistoryStore store() {
        return new CallHistoryStore(dir.resolve("call-history.json"), CLOCK);
    }

    private static CallHistoryEntry call(String peer, CallDirection direction, int minutesAfterT0, int seconds) {
        return new CallHistoryEntry(peer, direction, T0.plus(Duration.ofMinutes(minutesAfterT0)), Duration.ofSeconds(seconds));
    }

    @Test
    void missingFile_isAnEmptyHistory() {
        assertEquals(List.of(), store().list());
    }

    @Test
    void appendedCalls_survive_andListNewestFirst() throws Exception {
        CallHistoryStore store = store();
        CallHistoryEntry first = call("Bob", CallDirection.OUTGOING, 0, 61);
        CallHistoryEntry missed = call("Carol", CallDirection.MISSED, 30, 0);
        CallHistoryEntry second = call("Bob", CallDirection.INCOMING, 10, 5);
        store.append(first);
        store.append(missed);
        store.append(second);
        List<CallHistoryEntry> expected = List.of(missed, second, first);
        assertEquals(expected, store.list());
        assertEquals(expected, store().list(), "read back by a new store");
    }

    @Test
    void keepsTheLast500() throws Exception {
        CallHistoryStore store = store();
        for (int i = 0; i < CallHistoryStore.MAX_CALLS + 20; i++) {
            store.append(call("Peer " + i, CallDirection.INCOMING, i, i));
        }
        List<CallHistoryEntry> calls = store().list();
        assertEquals(CallHistoryStore.MAX_CALLS, calls.size());
        assertEquals("Peer 519", calls.get(0).peer());
        assertEquals("Peer 20", calls.get(calls.size() - 1).peer(), "the 20 oldest were dropped");
    }

    @Test
    void corruptFile_isAnEmptyHistory_keptAside() throws Exception {
        Files.writeString(dir.resolve("call-history.json"), "{\"version\": 1, \"calls\": [");
        CallHistoryStore store = store();
        assertEquals(List.of(), store.list());
        assertTrue(Files.exists(dir.resolve("call-history.json.bad-20261127T034005Z")));
        store.append(call("Bob", CallDirection.OUTGOING, 0, 1));
        assertEquals(1, store().list().size());
    }

    @Test
    void unreadableEntries_areSkipped_theOthersKept() throws Exception {
        Files.writeString(dir.resolve("call-history.json"), "{\"version\": 1, \"calls\": ["
                + "{\"peer\": \"Bob\", \"direction\": \"incoming\", \"start\": \"2026-11-01T09:00:00Z\", \"durationMs\": 1000},"
                + "{\"peer\": \"Eve\", \"direction\": \"sideways\", \"start\": \"2026-11-01T09:00:00Z\", \"durationMs\": 1},"
                + "{\"peer\": \"Eve\", \"direction\": \"missed\", \"start\": \"yesterday\", \"durationMs\": 0},"
                + "{\"peer\": \"Eve\", \"direction\": \"outgoing\", \"start\": \"2026-11-01T09:00:00Z\", \"durationMs\": -5},"
                + "{\"peer\": \"\", \"direction\": \"outgoing\", \"start\": \"2026-11-01T09:00:00Z\", \"durationMs\": 5},"
                + "\"not an object\","
                + "{\"peer\": \"Carol\", \"direction\": \"missed\", \"start\": \"2026-11-01T10:00:00Z\"}"
                + "]}");
        assertEquals(List.of(call("Bob", CallDirection.INCOMING, 0, 1)), store().list());
    }

    @Test
    void aFutureVersion_isReadAsFarAsKnown_andCopiedAside() throws Exception {
        String future = "{\"version\": 2, \"calls\": [{\"peer\": \"Bob\", \"direction\": \"incoming\","
                + " \"start\": \"2026-11-01T09:00:00Z\", \"durationMs\": 1000, \"video\": true}], \"pinned\": []}";
        Files.writeString(dir.resolve("call-history.json"), future);
        assertEquals(List.of(call("Bob", CallDirection.INCOMING, 0, 1)), store().list());
        assertEquals(future, Files.readString(dir.resolve("call-history.json.v2-20261127T034005Z")));
    }

    /** The store is shared by the call controller and the UI: appends from several threads all land. */
    @Test
    void concurrentAppends_allLand_inTheFileToo() throws Exception {
        CallHistoryStore store = store();
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        store.append(call("T" + thread + " " + i, CallDirection.OUTGOING, thread * each + i, 1));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> names = new HashSet<>();
        for (CallHistoryEntry c : store().list()) {
            names.add(c.peer());
        }
        assertEquals(threads * each, names.size(), "every append is in the file");
    }

    @Test
    void invalidRecords_cannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> call("", CallDirection.INCOMING, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CallHistoryEntry("Bob", CallDirection.INCOMING, T0, Duration.ofSeconds(-1)));
    }
}
