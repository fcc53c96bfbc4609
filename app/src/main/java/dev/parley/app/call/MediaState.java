package dev.parley.app.call;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * What one side tells the other of its own media, so each screen can show the other's mute and
 * camera: sent as {@code {"microphoneMuted":false,"cameraOff":false}} on the data channel labelled
 * {@value #LABEL} whenever it changes and when the channel opens. A browser page that does not
 * know the channel ignores it.
 */
public record MediaState(boolean microphoneMuted, boolean cameraOff) {
    public static final String LABEL = "parley-media-state";
    /** Longer is not a state message. */
    static final int MAX_CHARS = 256;

    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("microphoneMuted", microphoneMuted);
        o.addProperty("cameraOff", cameraOff);
        return o.toString();
    }

    /** The state in {@code text}, or empty if it is not a state message (too long, not JSON, fields missing or not booleans). */
    public static Optional<MediaState> parse(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject o = root.getAsJsonObject();
            return Optional.of(new MediaState(bool(o, "microphoneMuted"), bool(o, "cameraOff")));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static boolean bool(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalStateException(name + " is not a boolean");
        }
        return e.getAsBoolean();
    }
}
