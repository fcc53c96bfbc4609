package dev.parley.app.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON object field by field, forgiving: a missing field takes its default quietly (an
 * older file, or one written by hand); a field of the wrong type or with a value the app refuses
 * takes its default with a log line naming the file and the field. One bad field never costs the
 * others.
 */
final class LenientFields {
    private static final Logger LOG = LoggerFactory.getLogger(LenientFields.class);

    private final JsonObject object;
    private final String where;

    /** @param where names the object in log lines: {@code "settings.json"}, {@code "call-history.json calls[3]"} */
    LenientFields(JsonObject object, String where) {
        this.object = object;
        this.where = where;
    }

    /** The decoded field, or {@code fallback} if absent, null, or refused by {@code decode} (which throws). */
    <T> T get(String name, T fallback, Function<JsonElement, T> decode) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return fallback;
        }
        try {
            T decoded = decode.apply(value);
            return decoded == null ? fallback : decoded;
        } catch (RuntimeException e) {
            // Gson's getAs… throw IllegalStateException, UnsupportedOperationException, NumberFormatException…
            LOG.warn("{}: ignoring \"{}\" = {} ({}); using the default", where, name, abbreviate(value), e.getMessage());
            return fallback;
        }
    }

    /** A string field: refuses numbers, objects and arrays (Gson would turn a number into a string). */
    static String string(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("not a string");
        }
        return e.getAsString();
    }

    static JsonObject object(JsonElement e) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return e.getAsJsonObject();
    }

    static double number(JsonElement e) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("not a number");
        }
        return e.getAsDouble();
    }

    private static String abbreviate(JsonElement value) {
        String s = value.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
