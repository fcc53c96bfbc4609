package dev.parley.app.desktop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses JavaFX's software renderer up front on a Linux machine that has no GPU device to render
 * on (a CI runner, a container, Xvfb). There JavaFX's default order tries its es2 pipeline first,
 * which loads Mesa's software rasterizer (llvmpipe: libLLVM, its threads, a shared-memory window
 * surface), finds it is not a GPU and falls back to the software pipeline anyway. Where a GPU
 * device exists — a DRI card or render node, or NVIDIA's device files, whose driver renders
 * without DRI — es2 keeps its turn, and a {@code prism.order} the user set always wins.
 */
public final class SoftwareRendering {
    static final String PRISM_ORDER = "prism.order";
    static final String SOFTWARE = "sw";

    private SoftwareRendering() {}

    /**
     * The {@code prism.order} to set before JavaFX starts, or null to leave JavaFX's own: "sw" on
     * Linux when {@code gpuDevices} (the device files a GPU driver renders through) is empty and
     * the user chose no order ({@code userOrder} null).
     */
    static String orderFor(String osName, List<Path> gpuDevices, String userOrder) {
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
        return linux && gpuDevices.isEmpty() && userOrder == null ? SOFTWARE : null;
    }

    /**
     * Sets {@code prism.order} for this process as {@link #orderFor} decides, looking at this
     * machine's {@code /dev}; true if it chose the software renderer. Call before JavaFX starts.
     */
    public static boolean chooseForThisMachine() {
        String order = orderFor(System.getProperty("os.name"), gpuDevices(Path.of("/dev")), System.getProperty(PRISM_ORDER));
        if (order == null) {
            return false;
        }
        System.setProperty(PRISM_ORDER, order);
        return true;
    }

    /** The GPU device files under {@code dev}: everything in {@code dri/}, and {@code nvidia*}. */
    static List<Path> gpuDevices(Path dev) {
        List<Path> found = new ArrayList<>();
        addAll(dev.resolve("dri"), "*", found);
        addAll(dev, "nvidia*", found);
        return found;
    }

    private static void addAll(Path folder, String glob, List<Path> found) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            entries.forEach(found::add);
        } catch (IOException | SecurityException e) {
            // unreadable: count it as a device, so that JavaFX keeps its own order
            found.add(folder);
        }
    }
}
