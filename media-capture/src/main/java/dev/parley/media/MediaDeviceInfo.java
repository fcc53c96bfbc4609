package dev.parley.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The W3C {@code MediaDeviceInfo}: one camera, microphone or speaker as
 * {@link MediaDevices#enumerateDevices()} lists it.
 *
 * @param deviceId stable across restarts of the app: derived from the driver and the device's
 *     name (see {@link #stableId}), never from its position in a list, so a saved choice still
 *     names the same device after it is re-plugged into another port
 * @param kind camera, microphone or speaker
 * @param label what people read in a device picker ("Parley synthetic camera")
 * @param groupId the same for devices of one physical product (a sound card's input and output)
 */
public record MediaDeviceInfo(String deviceId, MediaDeviceKind kind, String label, String groupId) {

    public MediaDeviceInfo {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(groupId, "groupId");
    }

    /**
     * A device id made from what identifies the device to its driver: the first 128 bits of
     * SHA-256 over the parts, in hex. The same parts give the same id in every run.
     *
     * @param parts such as the kind, the driver's name and the device's name
     */
    public static String stableId(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0); // a separator, so ("ab","c") and ("a","bc") differ
            }
            byte[] digest = sha256.digest();
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
