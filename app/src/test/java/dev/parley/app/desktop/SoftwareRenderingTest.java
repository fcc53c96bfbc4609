package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaFX's software renderer is chosen up front only on Linux with no GPU device and no order of the user's. */
class SoftwareRenderingTest {
    @TempDir
    Path dev;

    @Test
    void linuxWithoutAGpuDevice_rendersInSoftware() {
        assertEquals("sw", SoftwareRendering.orderFor("Linux", List.of(), null));
    }

    @Test
    void aRenderNode_leavesJavaFxItsOwnOrder() {
        assertNull(SoftwareRendering.orderFor("Linux", List.of(Path.of("/dev/dri/renderD128")), null));
    }

    @Test
    void theUsersOrder_wins() {
        assertNull(SoftwareRendering.orderFor("Linux", List.of(), "es2"));
    }

    @Test
    void otherSystems_keepJavaFxsOwnOrder() {
        assertNull(SoftwareRendering.orderFor("Mac OS X", List.of(), null));
        assertNull(SoftwareRendering.orderFor("Windows 11", List.of(), null));
        assertNull(SoftwareRendering.orderFor(null, List.of(), null));
    }

    @Test
    void theDevicesAreDriEntriesAndNvidiaFiles() throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri").resolve("card0"));
        Files.createFile(dev.resolve("dri").resolve("renderD128"));
        Files.createFile(dev.resolve("nvidiactl"));
        Files.createFile(dev.resolve("null"));
        Set<String> names = SoftwareRendering.gpuDevices(dev).stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toSet());
        assertEquals(Set.of("card0", "renderD128", "nvidiactl"), names);
    }

    @Test
    void aMachineWithNoDri_hasNoGpuDevices() throws Exception {
        Files.createFile(dev.resolve("null"));
        assertTrue(SoftwareRendering.gpuDevices(dev).isEmpty());
    }
}
