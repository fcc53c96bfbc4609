package dev.parley.app.cli;

import java.io.PrintStream;
import java.util.ResourceBundle;
import picocli.CommandLine.Command;

/** {@code parley}: with no subcommand, launches the app (today: says what this build is). */
@Command(name = "parley", mixinStandardHelpOptions = true, subcommands = {ServerCommand.class, PeerCommand.class},
        description = "One-to-one video calls on the JVM.")
public final class ParleyCommand implements Runnable {
    private final PrintStream out;

    public ParleyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public void run() {
        ResourceBundle messages = ResourceBundle.getBundle("dev.parley.resources.i18n.messages");
        String version = ParleyCommand.class.getPackage().getImplementationVersion();
        out.println(messages.getString("app.name") + " " + (version == null ? "(development build)" : version));
        out.println(messages.getString("app.tagline"));
        out.println(messages.getString("app.notReady"));
    }
}
