package dev.parley.rtc.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time (user + system) that Linux has charged to a process and its live descendants, read
 * from {@code /proc/<pid>/stat}: for benchmarks that compare the CPU another program (Chromium,
 * a helper) spends on the same work. Resolution is one clock tick (10 ms at the usual 100 Hz).
 */
public final class ProcessCpu {
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcessCpu() {}

    /** The CPU time of {@code root} and every descendant alive now (exited ones are not counted). */
    public static Duration ofTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        long ticks = 0;
        for (ProcessHandle p : tree) {
            ticks += ticks(p.pid());
        }
        return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
    }

    /** utime + stime of one process in clock ticks; 0 once it has gone. */
    private static long ticks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return 0; // exited between listing and reading
        }
        // The command name (field 2) is in parentheses and may contain spaces: count from after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
