package dev.parley.ui.ringing;

import dev.parley.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** "Ringing Ada…" with a cancel button. */
public final class OutgoingCallView extends VBox {

    public OutgoingCallView(OutgoingCallViewModel vm, Messages messages) {
        setId("outgoingCall");
        setSpacing(16);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
        Label status = new Label();
        status.setId("outgoingStatus");
        status.getStyleClass().add("title");
        status.textProperty().bind(vm.statusProperty());
        Button cancel = IncomingCallView.button("cancelCall", messages.get("outgoing.cancel"), "danger");
        cancel.disableProperty().bind(vm.openProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        getChildren().addAll(status, cancel);
    }
}
