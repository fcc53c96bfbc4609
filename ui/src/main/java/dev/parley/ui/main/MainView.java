package dev.parley.ui.main;

import dev.parley.ui.Messages;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.ui.port.ConnectionState;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The main window: people online with a search box, the call button, status and history. */
public final class MainView extends BorderPane {

    public MainView(MainViewModel vm, Messages messages) {
        setId("main");
        setPadding(new Insets(12));

        TextField search = new TextField();
        search.setId("search");
        search.setPromptText(messages.get("main.search.prompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());

        ListView<String> online = new ListView<>(vm.visibleOnline());
        online.setId("online");
        online.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.call(online.getSelectionModel().getSelectedItem());
            }
        });
        Button call = new Button(messages.get("main.call"));
        call.setId("call");
        call.getStyleClass().add("primary");
        call.disableProperty().bind(online.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.connectionProperty().isNotEqualTo(ConnectionState.CONNECTED)));
        call.setOnAction(e -> vm.call(online.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(online, Priority.ALWAYS);
        VBox people = new VBox(6, new Label(messages.get("main.online")), search, online, call);

        ListView<CallHistoryEntry> history = new ListView<>(vm.history());
        history.setId("history");
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CallHistoryEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : vm.describe(entry));
            }
        });
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox recent = new VBox(6, new Label(messages.get("main.history")), history);
        HBox.setHgrow(people, Priority.ALWAYS);
        HBox.setHgrow(recent, Priority.ALWAYS);
        setCenter(new HBox(12, people, recent));

        Label status = new Label();
        status.setId("connectionStatus");
        status.textProperty().bind(vm.connectionTextProperty());
        vm.connectionProperty().addListener((obs, old, now) -> styleStatus(status, now));
        styleStatus(status, vm.connectionProperty().get());
        Button settings = new Button(messages.get("main.settings"));
        settings.setId("settings");
        settings.setOnAction(e -> vm.openSettings());
        CheckBox dark = new CheckBox(messages.get("main.darkTheme"));
        dark.setId("darkTheme");
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        Button testCall = new Button(messages.get("main.testCall"));
        testCall.setId("testCall");
        testCall.setOnAction(e -> vm.testCall());
        Label identity = new Label();
        identity.setId("identity");
        identity.textProperty().bind(vm.identityProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(12, status, identity, spacer, dark, testCall, settings);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
    }

    private static void styleStatus(Label status, ConnectionState state) {
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add("status-" + state.name().toLowerCase(Locale.ROOT));
    }
}
