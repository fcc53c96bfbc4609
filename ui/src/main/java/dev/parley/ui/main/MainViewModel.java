package dev.parley.ui.main;

import dev.parley.ui.FxThread;
import dev.parley.ui.Handles;
import dev.parley.ui.Theme;
import dev.parley.ui.Messages;
import dev.parley.ui.call.CallDurationFormat;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.ui.port.ConnectionState;
import dev.parley.ui.port.Directory;
import dev.parley.ui.port.DirectoryListener;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.Navigator;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The main window: who is online (filtered by the search box), calling someone, the connection
 * status and the call history, newest first.
 */
public final class MainViewModel implements AutoCloseable {
    private static final Comparator<CallHistoryEntry> NEWEST_FIRST =
            Comparator.comparing(CallHistoryEntry::start).reversed();

    private final Directory directory;
    private final Navigator navigator;
    private final FxThread fx;
    private final Messages messages;
    private final ZoneId zone;

    private final ObservableList<String> online = FXCollections.observableArrayList();
    private final FilteredList<String> visibleOnline = new FilteredList<>(online);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.OFFLINE);
    private final StringProperty offlineReason = new SimpleStringProperty(this, "offlineReason", "");
    private final StringBinding connectionText;
    private final ObservableList<CallHistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<CallHistoryEntry> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(this, "identity", "");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private AutoCloseable subscription;
    private boolean themeShown;

    public MainViewModel(Directory directory, Navigator navigator, FxThread fx, Messages messages, ZoneId zone) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        visibleOnline.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
            return name -> needle.isEmpty() || name.toLowerCase(Locale.ROOT).contains(needle);
        }, search));
        darkTheme.addListener((obs, was, dark) -> {
            if (!themeShown) {
                navigator.applyTheme(dark ? Theme.DARK : Theme.LIGHT);
            }
        });
        connectionText = Bindings.createStringBinding(this::describeConnection, connection, offlineReason);
        connection.addListener((obs, was, now) -> {
            if (now == ConnectionState.CONNECTED) {
                offlineReason.set("");   // a reason for being offline is over once connected
            }
        });
    }

    /** Subscribes to the directory and shows its current state. */
    public void start() {
        subscription = directory.addListener(new DirectoryListener() {
            @Override
            public void onPresence(List<String> names) {
                fx.execute(() -> showOnline(names));
            }

            @Override
            public void onConnectionState(ConnectionState state) {
                fx.execute(() -> connection.set(state));
            }

            @Override
            public void onIncomingCall(IncomingCall call) {
                fx.execute(() -> navigator.showIncomingCall(call));
            }
        });
        showOnline(directory.onlineNames());
        connection.set(directory.connectionState());
    }

    private void showOnline(List<String> names) {
        online.setAll(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    /** Calls {@code name}; blank names and calls while offline are ignored. */
    public void call(String name) {
        if (name == null || name.isBlank() || connection.get() != ConnectionState.CONNECTED) {
            return;
        }
        navigator.showOutgoingCall(directory.call(name.strip()));
    }

    public void openSettings() {
        navigator.openSettings();
    }

    /** Shows {@code theme} as chosen, without asking for it again (the app's saved choice at start). */
    public void showTheme(Theme theme) {
        themeShown = true;
        darkTheme.set(theme == Theme.DARK);
        themeShown = false;
    }

    /** A call to yourself: your camera and microphone through the whole engine and back. */
    public void testCall() {
        navigator.startTestCall();
    }

    /**
     * Why the app is offline and not trying again ("you did not trust the server's certificate"),
     * shown with the offline state in the status line until the app connects; empty: no reason.
     */
    public void setOfflineReason(String reason) {
        offlineReason.set(reason == null ? "" : reason);
    }

    private String describeConnection() {
        String state = messages.get("main.connection." + connection.get().name().toLowerCase(Locale.ROOT));
        String reason = offlineReason.get();
        return connection.get() == ConnectionState.OFFLINE && !reason.isEmpty()
                ? messages.get("main.connection.offlineBecause", state, reason) : state;
    }

    /** Who we are here and where others reach us, for the status line ("Ada · ws://192.0.2.5:47800/signal"). */
    public void setIdentity(String displayName, String reachableAt) {
        identity.set(reachableAt == null || reachableAt.isEmpty()
                ? displayName : messages.get("main.identity", displayName, reachableAt));
    }

    /** Replaces the history shown (the app's store, in any order). */
    public void setHistory(List<CallHistoryEntry> entries) {
        history.setAll(entries.stream().sorted(NEWEST_FIRST).toList());
    }

    /** Adds one finished call at its place (normally the top). */
    public void addHistory(CallHistoryEntry entry) {
        int at = 0;
        while (at < history.size() && NEWEST_FIRST.compare(history.get(at), entry) <= 0) {
            at++;
        }
        history.add(at, entry);
    }

    /** One history line in words: "Outgoing · Ada · 27 Nov 2026, 10:15 · 03:07". */
    public String describe(CallHistoryEntry entry) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault(Locale.Category.FORMAT)).format(entry.start().atZone(zone));
        return messages.get("main.history.line",
                messages.get("main.history." + entry.direction().name().toLowerCase(Locale.ROOT)),
                entry.peer(), when, CallDurationFormat.format(entry.duration()));
    }

    @Override
    public void close() {
        if (subscription != null) {
            Handles.closeQuietly(subscription, "the main window's directory subscription");
            subscription = null;
        }
    }

    /** Online names matching the search, alphabetical. */
    public ObservableList<String> visibleOnline() { return visibleOnline; }
    public StringProperty searchProperty() { return search; }
    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() { return connection.getReadOnlyProperty(); }
    public ObservableStringValue connectionTextProperty() { return connectionText; }
    public ReadOnlyStringProperty identityProperty() { return identity.getReadOnlyProperty(); }
    /** Set it to change every window's theme. */
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    /** Newest first. */
    public ObservableList<CallHistoryEntry> history() { return readOnlyHistory; }
}
