package dev.parley.ui.call;

import dev.parley.ui.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** End of call: how long, how well, why it ended. */
public final class CallSummaryView extends VBox {

    public CallSummaryView(CallSummaryViewModel vm, Messages messages, Runnable onClose) {
        setId("callSummary");
        setSpacing(8);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
        Label title = label("summaryTitle", vm.title());
        title.getStyleClass().add("title");
        Button close = new Button(messages.get("summary.close"));
        close.setId("summaryClose");
        close.setDefaultButton(true);
        close.setOnAction(e -> onClose.run());
        getChildren().addAll(title, label("summaryReason", vm.reason()), label("summaryDuration", vm.duration()),
                label("summaryBitrate", vm.bitrate()), label("summaryLoss", vm.loss()), close);
    }

    private static Label label(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        return label;
    }
}
