package dev.parley.app.e2e;

import dev.parley.app.cli.ParleyCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The real Parley app, driven through its windows by a test in another process: {@code main}
 * starts the app with its arguments (as {@code parley [options]} does) and obeys {@link WindowScript}
 * commands read line by line from stdin, answering each with one stdout line {@code @@ OK …} or
 * {@code @@ ERR …}. Everything else the app prints goes to stderr. The process ends when stdin
 * ends or the app does.
 */
public final class ScriptedApp {
    static final String REPLY = "@@ ";

    private ScriptedApp() {}

    public static void main(String[] args) throws IOException {
        PrintStream replies = System.out;
        System.setOut(System.err);   // only replies on stdout
        Thread app = new Thread(() -> {
            int code = new CommandLine(new ParleyCommand(System.err)).execute(args);
            System.err.println("scripted app: the app ended (code " + code + ")");
            System.exit(code == 0 ? 0 : code);
        }, "parley-app");
        app.start();
        WindowScript script = new WindowScript();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            replies.println(REPLY + script.run(line.strip()));
            replies.flush();
        }
        System.err.println("scripted app: stdin ended, exiting");
        System.exit(0);
    }
}
