package dev.parley.rtc.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which crypto intrinsics this JVM uses and which instructions the CPU offers, for benchmark notes.
 * HotSpot's intrinsic switches are diagnostic flags: readable only with
 * {@code -XX:+UnlockDiagnosticVMOptions} (the bench profile passes it), else reported as "?".
 */
final class Intrinsics {
    private static final String[] FLAGS = {"UseAESIntrinsics", "UseAESCTRIntrinsics", "UseSHA1Intrinsics",
        "UseGHASHIntrinsics", "UseAVX"};
    private static final String[] CPU_FLAGS = {"aes", "pclmulqdq", "sha_ni", "vaes", "vpclmulqdq", "avx512f"};

    private Intrinsics() {}

    static String describe() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> flags = new ArrayList<>();
        for (String flag : FLAGS) {
            String value;
            try {
                value = vm.getVMOption(flag).getValue();
            } catch (IllegalArgumentException locked) {
                value = "?";
            }
            flags.add(flag + "=" + value);
        }
        return "intrinsics " + String.join(" ", flags) + "; CPU " + cpuFlags();
    }

    private static String cpuFlags() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            int at = info.indexOf("\nflags");
            String line = at < 0 ? "" : " " + info.substring(at + 1, info.indexOf('\n', at + 1)) + " ";
            List<String> present = new ArrayList<>();
            for (String flag : CPU_FLAGS) {
                if (line.contains(" " + flag + " ")) {
                    present.add(flag);
                }
            }
            int model = info.indexOf("model name");
            String name = model < 0 ? "?" : info.substring(info.indexOf(':', model) + 1, info.indexOf('\n', model)).trim();
            return name + " (" + Runtime.getRuntime().availableProcessors() + " cores) has " + String.join(" ", present);
        } catch (IOException | RuntimeException e) {
            return "flags unknown";
        }
    }
}
