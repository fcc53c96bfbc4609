package dev.parley.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The app's strings, from the resources module's bundle {@value #BUNDLE}. View-models take one
 * in their constructor, so their texts are checked in tests without the toolkit.
 */
public final class Messages {
    public static final String BUNDLE = "dev.parley.resources.i18n.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The bundle for {@code locale} (falling back to the default English one). */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    /**
     * The text for {@code key}, with {@link MessageFormat} placeholders filled from {@code args}.
     * A missing key shows as {@code !key!} rather than failing a screen.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
