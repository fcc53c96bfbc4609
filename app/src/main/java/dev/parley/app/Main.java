package dev.parley.app;

import java.util.ResourceBundle;

/**
 * Entry point of the desktop app. Until the calling UI lands (issue #9) it says honestly what
 * this build is, from the same i18n bundle the UI will use.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        ResourceBundle messages = ResourceBundle.getBundle("dev.parley.resources.i18n.messages");
        String version = Main.class.getPackage().getImplementationVersion();
        System.out.println(messages.getString("app.name") + " " + (version == null ? "(development build)" : version));
        System.out.println(messages.getString("app.tagline"));
        System.out.println(messages.getString("app.notReady"));
    }
}
