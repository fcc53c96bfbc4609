package dev.parley.ui.ringing;

import dev.parley.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Ada is calling" with answer (video / audio only) and decline. */
public final class IncomingCallView extends VBox {

    public IncomingCallView(IncomingCallViewModel vm, Messages messages) {
        setId("incomingCall");
        setSpacing(16);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
        Label prompt = new Label();
        prompt.setId("callerPrompt");
        prompt.getStyleClass().add("title");
        prompt.textProperty().bind(vm.promptProperty());
        Button video = button("answerVideo", messages.get("incoming.answerVideo"), "success");
        video.setOnAction(e -> vm.answerWithVideo());
        Button audio = button("answerAudio", messages.get("incoming.answerAudio"), "success");
        audio.setOnAction(e -> vm.answerAudioOnly());
        Button decline = button("decline", messages.get("incoming.decline"), "danger");
        decline.setOnAction(e -> vm.decline());
        HBox buttons = new HBox(8, video, audio, decline);
        buttons.setAlignment(Pos.CENTER);
        buttons.disableProperty().bind(vm.openProperty().not());
        getChildren().addAll(prompt, buttons);
    }

    static Button button(String id, String text, String styleClass) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(styleClass);
        return button;
    }
}
