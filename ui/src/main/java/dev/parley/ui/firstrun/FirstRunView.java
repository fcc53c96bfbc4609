package dev.parley.ui.firstrun;

import dev.parley.ui.FxThread;
import dev.parley.ui.Messages;
import dev.parley.ui.port.DeviceOption;
import dev.parley.ui.video.VideoView;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first-run form; all logic is in {@link FirstRunViewModel}. */
public final class FirstRunView extends VBox {
    private final VideoView preview;

    public FirstRunView(FirstRunViewModel vm, Messages messages, FxThread fx, Executor converter) {
        setId("firstRun");
        setSpacing(10);
        setPadding(new Insets(16));

        Label title = new Label(messages.get("firstRun.title"));
        title.getStyleClass().add("title");

        TextField name = new TextField();
        name.setId("displayName");
        name.setPromptText(messages.get("firstRun.name.prompt"));
        name.textProperty().bindBidirectional(vm.displayNameProperty());
        Label nameError = errorLabel("nameError");
        nameError.textProperty().bind(vm.nameErrorProperty());

        ToggleGroup serverGroup = new ToggleGroup();
        RadioButton embedded = new RadioButton(messages.get("firstRun.server.embedded"));
        embedded.setId("serverEmbedded");
        embedded.setToggleGroup(serverGroup);
        RadioButton remote = new RadioButton(messages.get("firstRun.server.remote"));
        remote.setId("serverRemote");
        remote.setToggleGroup(serverGroup);
        embedded.setSelected(vm.embeddedServerProperty().get());
        remote.setSelected(!vm.embeddedServerProperty().get());
        embedded.selectedProperty().bindBidirectional(vm.embeddedServerProperty());
        TextField url = new TextField();
        url.setId("serverUrl");
        url.setPromptText("wss://example.org/parley");
        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        url.disableProperty().bind(vm.embeddedServerProperty());
        Label serverError = errorLabel("serverError");
        serverError.textProperty().bind(vm.serverErrorProperty());

        preview = new VideoView(fx, converter);
        preview.setId("preview");
        preview.setMirrored(true);
        preview.setPrefSize(320, 180);
        vm.previewProperty().addListener((obs, old, track) -> {
            if (track == null) {
                preview.detach();
            } else {
                preview.attach(track);
            }
        });

        ProgressBar level = new ProgressBar();
        level.setId("micLevel");
        level.getStyleClass().add("level-meter");
        level.progressProperty().bind(vm.microphoneLevelProperty());
        Label speaking = new Label(messages.get("firstRun.speaking"));
        speaking.setId("micSpeaking");
        speaking.getStyleClass().add("voice-detected");
        speaking.visibleProperty().bind(vm.microphoneSpeakingProperty());
        HBox meter = new HBox(8, level, speaking);
        meter.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Button speakerTest = new Button(messages.get("firstRun.speakerTest"));
        speakerTest.setId("speakerTest");
        speakerTest.setOnAction(e -> vm.testSpeaker());

        GridPane devices = new GridPane();
        devices.setHgap(8);
        devices.setVgap(6);
        devices.addRow(0, new Label(messages.get("firstRun.camera")), combo("camera", vm.cameras(), vm.cameraProperty()));
        devices.addRow(1, new Label(messages.get("firstRun.microphone")),
                combo("microphone", vm.microphones(), vm.microphoneProperty()), meter);
        devices.addRow(2, new Label(messages.get("firstRun.speaker")),
                combo("speaker", vm.speakers(), vm.speakerProperty()), speakerTest);

        Button finish = new Button(messages.get("firstRun.finish"));
        finish.setId("finish");
        finish.getStyleClass().add("primary");
        finish.setDefaultButton(true);
        finish.disableProperty().bind(Bindings.not(vm.canFinishProperty()));
        finish.setOnAction(e -> vm.finish());

        getChildren().addAll(title,
                new Label(messages.get("firstRun.name.label")), name, nameError,
                new Label(messages.get("firstRun.server.label")), embedded, new HBox(8, remote, url), serverError,
                preview, devices, finish);
    }

    private static Label errorLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        return label;
    }

    private static ComboBox<DeviceOption> combo(String id, ObservableList<DeviceOption> items,
            ObjectProperty<DeviceOption> selected) {
        ComboBox<DeviceOption> box = new ComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(240);
        box.valueProperty().bindBidirectional(selected);
        return box;
    }

    /** Leaves the preview track; call when the screen closes (the view-model stops the track). */
    public void dispose() {
        preview.detach();
    }

    /** The camera preview (mirrored, like a mirror). */
    public VideoView preview() {
        return preview;
    }
}
