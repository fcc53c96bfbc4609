package dev.parley.ui.call;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.FxThread;
import dev.parley.ui.Messages;
import dev.parley.ui.port.ChatMessage;
import dev.parley.ui.port.DeviceOption;
import dev.parley.ui.port.SelectedDevices;
import dev.parley.ui.video.VideoView;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.shape.SVGPath;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The call screen: the peer's video large, ours small and mirrored in a corner (drag it to
 * another corner), a controls bar, the chat panel at the side, the network quality with its
 * numbers in a tooltip, and the lock with the security code. Keys: M mutes, V turns the camera
 * on or off (not while typing in a text field), Esc leaves full screen.
 */
public final class CallView extends BorderPane {
    static final double LOCAL_WIDTH = 176;
    static final double LOCAL_HEIGHT = 99;

    private final CallViewModel vm;
    private final Messages messages;
    private final VideoView remoteVideo;
    private final VideoView localVideo;
    private final ObjectProperty<Corner> localCorner = new SimpleObjectProperty<>(this, "localCorner", Corner.BOTTOM_RIGHT);
    private Point2D dragStart;
    private Stage fullScreenStage;
    private final ChangeListener<Boolean> toStage = (obs, was, full) -> fullScreenStage.setFullScreen(full);
    private final ChangeListener<Boolean> fromStage = (obs, was, full) -> stageFullScreenChanged(full);

    public CallView(CallViewModel vm, Messages messages, FxThread fx, Executor converter) {
        this.vm = vm;
        this.messages = messages;
        setId("call");
        getStyleClass().add("call-stage");

        remoteVideo = new VideoView(fx, converter);
        remoteVideo.setId("remoteVideo");
        follow(vm.remoteVideoProperty(), remoteVideo);
        localVideo = new VideoView(fx, converter);
        localVideo.setId("localVideo");
        localVideo.getStyleClass().add("local-video");
        localVideo.setMirrored(true);
        localVideo.setMinSize(LOCAL_WIDTH, LOCAL_HEIGHT);
        localVideo.setMaxSize(LOCAL_WIDTH, LOCAL_HEIGHT);
        localVideo.visibleProperty().bind(vm.cameraEnabledProperty().or(vm.screenSharingProperty()));
        follow(vm.localVideoProperty(), localVideo);
        makeDraggable();

        Label remoteMuted = new Label();
        remoteMuted.setId("remoteMuted");
        remoteMuted.getStyleClass().add("indicator");
        remoteMuted.setText(messages.get("call.remoteMuted", vm.peerName()));
        remoteMuted.visibleProperty().bind(vm.remoteMutedProperty());
        Label remoteCameraOff = new Label(messages.get("call.remoteCameraOff", vm.peerName()));
        remoteCameraOff.setId("remoteCameraOff");
        remoteCameraOff.getStyleClass().add("indicator");
        remoteCameraOff.visibleProperty().bind(vm.remoteCameraOffProperty());
        StackPane.setAlignment(remoteMuted, Pos.TOP_LEFT);
        StackPane.setMargin(remoteMuted, new Insets(8));

        StackPane stage = new StackPane(remoteVideo, remoteCameraOff, remoteMuted, localVideo);
        stage.setId("videoStage");
        stage.setMinSize(0, 0);
        StackPane.setAlignment(localVideo, localCorner.get().position());
        StackPane.setMargin(localVideo, new Insets(12));
        localCorner.addListener((obs, old, corner) -> StackPane.setAlignment(localVideo, corner.position()));
        setCenter(stage);
        setTop(topBar());
        setBottom(controlsBar());
        setRight(chatPanel());

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> followFullScreen(window));
                followFullScreen(scene.getWindow());
            }
        });
    }

    private static void follow(ReadOnlyObjectProperty<MediaStreamTrack> track, VideoView view) {
        track.addListener((obs, old, now) -> {
            if (now == null) {
                view.detach();
            } else {
                view.attach(now);
            }
        });
        if (track.get() != null) {
            view.attach(track.get());
        }
    }

    private Node topBar() {
        Label banner = new Label(messages.get("call.reconnecting"));
        banner.setId("reconnectingBanner");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(Bindings.createBooleanBinding(vm.reconnectingProperty()::get, vm.reconnectingProperty()));
        banner.managedProperty().bind(banner.visibleProperty());

        Label peer = new Label();
        peer.setId("status");
        peer.textProperty().bind(vm.statusTextProperty());
        Label elapsed = new Label();
        elapsed.setId("elapsed");
        elapsed.textProperty().bind(vm.elapsedProperty());

        Label quality = new Label(messages.get("call.quality.unknown"));
        quality.setId("quality");
        Tooltip qualityTip = new Tooltip();
        qualityTip.textProperty().bind(vm.qualityDetailsProperty());
        quality.setTooltip(qualityTip);
        vm.qualityProperty().addListener((obs, old, level) -> {
            String name = level.name().toLowerCase(Locale.ROOT);
            quality.setText(messages.get("call.quality." + name));
            quality.getStyleClass().removeIf(c -> c.startsWith("quality-"));
            quality.getStyleClass().add("quality-" + name);
        });

        Label lock = new Label();
        lock.setId("securityCode");
        lock.textProperty().bind(Bindings.createStringBinding(
                () -> vm.securedProperty().get() ? vm.securityWordsProperty().get() : messages.get("call.security.pending"),
                vm.securedProperty(), vm.securityWordsProperty()));
        // a drawn padlock: emoji fonts are missing on many Linux desktops
        SVGPath padlock = new SVGPath();
        padlock.setContent("M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z");
        padlock.getStyleClass().add("lock-icon");
        lock.graphicProperty().bind(Bindings.when(vm.securedProperty()).then((Node) padlock).otherwise((Node) null));
        lock.setTooltip(new Tooltip(messages.get("call.security.tooltip", vm.peerName())));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, peer, elapsed, spacer, quality, lock);
        bar.getStyleClass().add("controls-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(banner, bar);
    }

    private Node controlsBar() {
        Button mute = new Button();
        mute.setId("mute");
        mute.textProperty().bind(Bindings.when(vm.microphoneMutedProperty())
                .then(messages.get("call.unmute")).otherwise(messages.get("call.mute")));
        mute.setOnAction(e -> vm.toggleMicrophone());
        Button camera = new Button();
        camera.setId("camera");
        camera.textProperty().bind(Bindings.when(vm.cameraEnabledProperty())
                .then(messages.get("call.cameraOff")).otherwise(messages.get("call.cameraOn")));
        camera.setOnAction(e -> vm.toggleCamera());
        Button share = new Button();
        share.setId("screenShare");
        share.textProperty().bind(Bindings.when(vm.screenSharingProperty())
                .then(messages.get("call.stopShare")).otherwise(messages.get("call.shareScreen")));
        share.setOnAction(e -> vm.toggleScreenShare());

        MenuButton devices = new MenuButton(messages.get("call.camera") + " / " + messages.get("call.microphone"));
        devices.setId("devices");
        devices.getItems().addAll(
                deviceMenu("cameraMenu", messages.get("call.camera"), vm.cameras(), SelectedDevices::cameraId, vm::switchCamera),
                deviceMenu("microphoneMenu", messages.get("call.microphone"), vm.microphones(),
                        SelectedDevices::microphoneId, vm::switchMicrophone),
                deviceMenu("speakerMenu", messages.get("call.speaker"), vm.speakers(), SelectedDevices::speakerId,
                        vm::switchSpeaker));

        ToggleButton chat = new ToggleButton(messages.get("call.chat"));
        chat.setId("chatToggle");
        chat.selectedProperty().bindBidirectional(vm.chatOpenProperty());
        Button full = new Button(messages.get("call.fullScreen"));
        full.setId("fullScreen");
        full.setOnAction(e -> vm.toggleFullScreen());
        Button hangUp = new Button(messages.get("call.hangUp"));
        hangUp.setId("hangUp");
        hangUp.getStyleClass().add("danger");
        hangUp.setOnAction(e -> vm.hangUp());

        HBox bar = new HBox(mute, camera, share, devices, chat, full, hangUp);
        bar.getStyleClass().add("controls-bar");
        bar.setAlignment(Pos.CENTER);
        return bar;
    }

    /** A submenu of radio items, one a device, the one in use selected; rebuilt when either changes. */
    private Menu deviceMenu(String id, String title, List<DeviceOption> options,
            Function<SelectedDevices, String> current, Consumer<DeviceOption> choose) {
        Menu menu = new Menu(title);
        menu.setId(id);
        Runnable rebuild = () -> {
            ToggleGroup group = new ToggleGroup();
            SelectedDevices selected = vm.devicesProperty().get();
            menu.getItems().setAll(options.stream().map(option -> {
                RadioMenuItem item = new RadioMenuItem(option.label());
                item.setId(id + "-" + option.id());
                item.setToggleGroup(group);
                item.setSelected(selected != null && option.id().equals(current.apply(selected)));
                item.setOnAction(e -> choose.accept(option));
                return item;
            }).toList());
        };
        vm.devicesProperty().addListener((obs, old, now) -> rebuild.run());
        rebuild.run();
        return menu;
    }

    private Node chatPanel() {
        ListView<ChatMessage> list = new ListView<>(vm.chat());
        list.setId("chatList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ChatMessage message, boolean empty) {
                super.updateItem(message, empty);
                setText(empty || message == null ? null
                        : (message.fromMe() ? messages.get("call.chat.me") : vm.peerName()) + ": " + message.text());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        TextField input = new TextField();
        input.setId("chatInput");
        input.setPromptText(messages.get("call.chat.prompt"));
        input.textProperty().bindBidirectional(vm.chatDraftProperty());
        input.setOnAction(e -> vm.sendChat());
        Button send = new Button(messages.get("call.chat.send"));
        send.setId("chatSend");
        send.setOnAction(e -> vm.sendChat());
        HBox.setHgrow(input, Priority.ALWAYS);
        VBox panel = new VBox(list, new HBox(6, input, send));
        panel.setId("chatPanel");
        panel.getStyleClass().add("chat-panel");
        panel.setPrefWidth(260);
        panel.visibleProperty().bind(vm.chatOpenProperty());
        panel.managedProperty().bind(vm.chatOpenProperty());
        return panel;
    }

    private void onKey(KeyEvent event) {
        boolean typing = event.getTarget() instanceof TextInputControl;
        if (event.getCode() == KeyCode.ESCAPE && vm.fullScreenProperty().get()) {
            vm.fullScreenProperty().set(false);
            event.consume();
        } else if (!typing && !event.isShortcutDown() && !event.isAltDown()) {
            if (event.getCode() == KeyCode.M) {
                vm.toggleMicrophone();
                event.consume();
            } else if (event.getCode() == KeyCode.V) {
                vm.toggleCamera();
                event.consume();
            }
        }
    }

    /** Keeps the window's full-screen state and the view-model's in step, both ways. */
    private void followFullScreen(Window window) {
        if (fullScreenStage != null) {
            vm.fullScreenProperty().removeListener(toStage);
            fullScreenStage.fullScreenProperty().removeListener(fromStage);
            fullScreenStage = null;
        }
        if (!(window instanceof Stage stage)) {
            return;
        }
        fullScreenStage = stage;
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours (onKey)
        stage.setFullScreenExitHint("");
        vm.fullScreenProperty().addListener(toStage);
        stage.fullScreenProperty().addListener(fromStage);
    }

    private void stageFullScreenChanged(boolean full) {
        vm.fullScreenProperty().set(full);
    }

    private void makeDraggable() {
        localVideo.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragStart = new Point2D(e.getSceneX(), e.getSceneY()));
        localVideo.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragStart != null) {
                localVideo.setTranslateX(e.getSceneX() - dragStart.getX());
                localVideo.setTranslateY(e.getSceneY() - dragStart.getY());
            }
        });
        localVideo.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragStart == null) {
                return;
            }
            dragStart = null;
            localVideo.setTranslateX(0);
            localVideo.setTranslateY(0);
            Node stage = localVideo.getParent();
            Point2D at = stage.sceneToLocal(e.getSceneX(), e.getSceneY());
            localCorner.set(Corner.nearest(at.getX(), at.getY(),
                    stage.getLayoutBounds().getWidth(), stage.getLayoutBounds().getHeight()));
        });
    }

    /** Leaves both video tracks (their frames stop reaching this screen); call when the screen closes. */
    public void dispose() {
        remoteVideo.detach();
        localVideo.detach();
    }

    /** Where the self-view sits now. */
    public ReadOnlyObjectProperty<Corner> localCornerProperty() {
        return localCorner;
    }
}
