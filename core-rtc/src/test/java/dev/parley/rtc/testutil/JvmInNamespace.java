package dev.parley.rtc.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A second JVM (same java, same class path) running a test class's {@code main} inside a
 * {@link NetworkNamespace}: two peers in one JVM would talk over loopback and never cross the
 * namespace's link. Driven line by line: each command written to its stdin is answered by one
 * stdout line starting {@code @@}; {@link #serve} is the far side of that protocol. Closing ends
 * stdin, which ends the JVM.
 */
public final class JvmInNamespace implements AutoCloseable {
    private static final String REPLY = "@@ ";

    private final Process process;
    private final Writer commands;
    private final BufferedReader replies;
    private final Path log;

    private JvmInNamespace(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code mainClass} in {@code ns}; its stderr goes to a log file that failures quote. */
    public static JvmInNamespace start(NetworkNamespace ns, Class<?> mainClass) throws IOException {
        Path log = Files.createTempFile("parley-" + mainClass.getSimpleName(), ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(ns.command(java, "-cp", System.getProperty("java.class.path"),
                mainClass.getName())).redirectError(log.toFile()).start();
        return new JvmInNamespace(p, log);
    }

    /** Sends one command and returns its reply (without the marker). */
    public synchronized String call(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
        StringBuilder other = new StringBuilder();
        for (String line; (line = replies.readLine()) != null; ) {
            if (line.startsWith(REPLY)) {
                return line.substring(REPLY.length());
            }
            other.append(line).append('\n'); // the JVM's own messages (JFR's, say) on stdout
        }
        throw new IOException("the JVM in the namespace ended on '" + command.split(" ")[0] + "': " + other
                + "\n--- its log ---\n" + log());
    }

    /**
     * The far side's loop, for its {@code main}: answers each stdin line with {@code handler}'s
     * reply until stdin ends. Only replies go to stdout; everything else printed goes to stderr.
     */
    public static void serve(Function<String[], String> handler) throws IOException {
        PrintStream out = System.out;
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            out.println(REPLY + handler.apply(line.trim().split(" ")));
            out.flush();
        }
    }

    public String log() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 20_000 ? "…" + text.substring(text.length() - 20_000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
