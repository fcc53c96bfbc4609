package dev.parley.app.e2e;

import dev.parley.ui.port.ChatMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Commands against the app's showing windows, as a person would use them, run on the FX thread.
 * A window is named by its scene root's id ({@code main}, {@code incomingCall}, {@code call},
 * {@code callSummary}…), a control by its id inside it. Each command returns {@code OK [result]}
 * or {@code ERR reason}:
 *
 * <ul>
 *   <li>{@code ROOTS}: the showing windows' root ids, space separated</li>
 *   <li>{@code TEXT window node}: a label's, button's or text field's text</li>
 *   <li>{@code SELECTED window toggle}: whether a toggle button is down</li>
 *   <li>{@code ITEMS window list}: a list's items, " | " separated (chat lines as "me: …"/"peer: …")</li>
 *   <li>{@code SELECT window list item}: selects that item</li>
 *   <li>{@code FIRE window node}: clicks a button (an error if it is disabled)</li>
 *   <li>{@code TYPE window node text…}: puts text into a text field</li>
 *   <li>{@code MENUITEMS window menuButton}: its submenus' radio items as {@code id=selected}</li>
 *   <li>{@code MENU window menuButton itemIdOrText…}: chooses that item; its id</li>
 *   <li>{@code SNAP window node|- file}: a PNG of the control (or, for "-", the whole window)</li>
 * </ul>
 */
final class WindowScript {
    private static final long FX_SECONDS = 10;

    /** Runs one command line; never throws. */
    String run(String line) {
        String[] words = line.split(" ");
        try {
            return "OK " + onFxThread(() -> command(words[0], Arrays.copyOfRange(words, 1, words.length)));
        } catch (ScriptException e) {
            return "ERR " + e.getMessage();
        } catch (RuntimeException e) {
            return "ERR " + e;
        }
    }

    private String command(String name, String[] args) {
        switch (name) {
            case "ROOTS":
                return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot().getId())
                        .map(String::valueOf).collect(Collectors.joining(" "));
            case "TEXT": {
                need(args, 2);
                Node node = node(args[0], args[1]);
                if (node instanceof Labeled labeled) {
                    return String.valueOf(labeled.getText());
                }
                if (node instanceof TextInputControl input) {
                    return input.getText();
                }
                throw new ScriptException("#" + args[1] + " has no text: " + node.getClass().getSimpleName());
            }
            case "SELECTED": {
                need(args, 2);
                if (!(node(args[0], args[1]) instanceof javafx.scene.control.Toggle toggle)) {
                    throw new ScriptException("#" + args[1] + " is not a toggle");
                }
                return Boolean.toString(toggle.isSelected());
            }
            case "ITEMS":
                need(args, 2);
                return list(args[0], args[1]).getItems().stream().map(WindowScript::describe)
                        .collect(Collectors.joining(" | "));
            case "SELECT": {
                need(args, 3);
                ListView<?> list = list(args[0], args[1]);
                String item = String.join(" ", Arrays.copyOfRange(args, 2, args.length));
                int index = list.getItems().stream().map(WindowScript::describe).toList().indexOf(item);
                if (index < 0) {
                    throw new ScriptException("no item '" + item + "' in #" + args[1] + ": " + list.getItems());
                }
                list.getSelectionModel().select(index);
                return item;
            }
            case "FIRE": {
                need(args, 2);
                if (!(node(args[0], args[1]) instanceof ButtonBase button)) {
                    throw new ScriptException("#" + args[1] + " is not a button");
                }
                if (button.isDisabled()) {
                    throw new ScriptException("#" + args[1] + " is disabled");
                }
                button.fire();
                return args[1];
            }
            case "TYPE": {
                need(args, 2);
                if (!(node(args[0], args[1]) instanceof TextInputControl input)) {
                    throw new ScriptException("#" + args[1] + " is not a text field");
                }
                input.setText(String.join(" ", Arrays.copyOfRange(args, 2, args.length)));
                return input.getText();
            }
            case "MENUITEMS":
                need(args, 2);
                return radioItems(menuButton(args[0], args[1]).getItems()).stream()
                        .map(item -> item.getId() + "=" + item.isSelected()).collect(Collectors.joining(" "));
            case "MENU": {
                need(args, 3);
                String wanted = String.join(" ", Arrays.copyOfRange(args, 2, args.length));
                RadioMenuItem item = radioItems(menuButton(args[0], args[1]).getItems()).stream()
                        .filter(i -> wanted.equals(i.getId()) || wanted.equals(i.getText())).findFirst()
                        .orElseThrow(() -> new ScriptException("no menu item '" + wanted + "' under #" + args[1]));
                item.fire();   // as a click: selects it and runs its action
                return item.getId();
            }
            case "SNAP": {
                need(args, 3);
                Node node = args[1].equals("-") ? window(args[0]).getScene().getRoot() : node(args[0], args[1]);
                Path file = Path.of(String.join(" ", Arrays.copyOfRange(args, 2, args.length)));
                write(node.snapshot(null, null), file);
                return file.toString();
            }
            default:
                throw new ScriptException("unknown command " + name);
        }
    }

    private static String describe(Object item) {
        if (item instanceof ChatMessage message) {
            return (message.fromMe() ? "me: " : "peer: ") + message.text();
        }
        return String.valueOf(item);
    }

    private static void need(String[] args, int count) {
        if (args.length < count) {
            throw new ScriptException("needs " + count + " arguments, got " + Arrays.toString(args));
        }
    }

    private static Window window(String rootId) {
        Optional<Window> window = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && rootId.equals(w.getScene().getRoot().getId()))
                .findFirst();
        return window.orElseThrow(() -> new ScriptException("no window showing #" + rootId));
    }

    private static Node node(String rootId, String id) {
        Parent root = window(rootId).getScene().getRoot();
        Node node = root.lookup("#" + id);
        if (node == null) {
            throw new ScriptException("no #" + id + " in #" + rootId);
        }
        return node;
    }

    private static ListView<?> list(String rootId, String id) {
        if (!(node(rootId, id) instanceof ListView<?> list)) {
            throw new ScriptException("#" + id + " is not a list");
        }
        return list;
    }

    private static MenuButton menuButton(String rootId, String id) {
        if (!(node(rootId, id) instanceof MenuButton button)) {
            throw new ScriptException("#" + id + " is not a menu button");
        }
        return button;
    }

    private static List<RadioMenuItem> radioItems(List<MenuItem> items) {
        List<RadioMenuItem> found = new ArrayList<>();
        for (MenuItem item : items) {
            if (item instanceof RadioMenuItem radio) {
                found.add(radio);
            } else if (item instanceof Menu menu) {
                found.addAll(radioItems(menu.getItems()));
            }
        }
        return found;
    }

    /** The snapshot as a PNG, through java.desktop (javafx.swing is not a dependency). */
    private static void write(Image image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(png, "png", file.toFile())) {
                throw new ScriptException("no PNG writer");
            }
        } catch (IOException e) {
            throw new ScriptException("cannot write " + file + ": " + e);
        }
    }

    private static <T> T onFxThread(java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException e) {
            throw new ScriptException("JavaFX is not running yet: " + e.getMessage());
        }
        try {
            return result.get(FX_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ScriptException(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new ScriptException("the FX thread did not run the command within " + FX_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptException("interrupted");
        }
    }

    /** A command that cannot be done now: its reply says why. */
    static final class ScriptException extends RuntimeException {
        ScriptException(String message) {
            super(message);
        }
    }
}
