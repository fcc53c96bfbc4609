package dev.parley.app.signaling.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads and writes signaling messages: one JSON object a WebSocket text message (RFC 6455
 * §5.6), {@code {"v": 1, "type": "...", "id": n, ...fields}}. Decoding rejects anything
 * malformed, of another version or type, oversized or with a bad field, always by throwing
 * {@link ProtocolException} and nothing else. Fields it does not know are ignored, so later
 * minor additions stay readable. Thread-safe.
 */
public final class SignalingCodec {
    /** The protocol version this codec speaks. */
    public static final int VERSION = 1;
    /** The default bound on one message, in UTF-8 bytes: a Chromium offer with video is ~6 KB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    /** JSON nesting beyond this is refused before it can cost stack. */
    private static final int MAX_NESTING = 16;
    /** Request ids stay within what JavaScript numbers hold exactly. */
    private static final long MAX_ID = (1L << 53) - 1;

    private final Gson gson = new GsonBuilder().disableHtmlEscaping()
            .registerTypeAdapter(Integer.class, new ExactIntegerAdapter().nullSafe()).create();
    private final TypeAdapter<JsonElement> treeReader = gson.getAdapter(JsonElement.class);
    private final int maxMessageBytes;

    public SignalingCodec() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public SignalingCodec(int maxMessageBytes) {
        if (maxMessageBytes < 256) {
            throw new IllegalArgumentException("maxMessageBytes too small: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Writes a client message; {@code id} 0 asks for no answer. */
    public String encode(long id, ClientMessage message) {
        return write(MessageTypes.nameOf(MessageTypes.CLIENT, message.getClass()), id, message);
    }

    public String encode(ServerMessage message) {
        return write(MessageTypes.nameOf(MessageTypes.SERVER, message.getClass()), 0, message);
    }

    /** Reads what a client sent (the server's side). */
    public ClientEnvelope decodeClientMessage(String text) throws ProtocolException {
        JsonObject object = readObject(text);
        long id = readId(object);
        ClientMessage message = readFields(object, MessageTypes.CLIENT, id);
        return new ClientEnvelope(id, message);
    }

    /** Reads what the server sent (the client's side). */
    public ServerMessage decodeServerMessage(String text) throws ProtocolException {
        JsonObject object = readObject(text);
        return readFields(object, MessageTypes.SERVER, readId(object));
    }

    /**
     * The envelope's fields, then the message's own, spliced into one object: the message's JSON
     * written once, straight from the record — no tree in between (the relay's hot path: a
     * description is written once by its sender and once by the server). No message has a field
     * named {@code v}, {@code type} or {@code id} ({@code SignalingCodecTest} checks).
     */
    private String write(String type, long id, Object message) {
        String fields = gson.toJson(message);
        if (fields.length() < 2 || fields.charAt(0) != '{') {
            throw new IllegalStateException(message.getClass().getSimpleName() + " does not write a JSON object");
        }
        StringBuilder out = new StringBuilder(fields.length() + 40).append("{\"v\":").append(VERSION)
                .append(",\"type\":").append(gson.toJson(type));
        if (id > 0) {
            out.append(",\"id\":").append(id);
        }
        boolean empty = fields.length() == 2;
        return (empty ? out.append('}') : out.append(',').append(fields, 1, fields.length())).toString();
    }

    private JsonObject readObject(String text) throws ProtocolException {
        if (text == null) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "no text");
        }
        // A char is at most 3 UTF-8 bytes, so most messages need no exact count.
        if ((long) text.length() * 3 > maxMessageBytes
                && text.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "message larger than " + maxMessageBytes + " bytes");
        }
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            element = treeReader.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "data after the JSON value");
            }
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "not JSON: " + shortMessage(e));
        }
        if (element == null || !element.isJsonObject()) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "not a JSON object");
        }
        return element.getAsJsonObject();
    }

    private static long readId(JsonObject object) throws ProtocolException {
        JsonElement id = object.get("id");
        if (id == null) {
            return 0;
        }
        BigDecimal value = integer(id);
        if (value == null || value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(MAX_ID)) > 0) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "id: an integer from 1 to 2^53-1");
        }
        return value.longValueExact();
    }

    private <T> T readFields(JsonObject object, Map<String, Class<? extends T>> types, long id)
            throws ProtocolException {
        BigDecimal version = integer(object.get("v"));
        if (version == null || version.compareTo(BigDecimal.valueOf(VERSION)) != 0) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "v: this side speaks version " + VERSION, id);
        }
        JsonElement typeField = object.get("type");
        Class<? extends T> type = typeField != null && typeField.isJsonPrimitive()
                && typeField.getAsJsonPrimitive().isString() ? types.get(typeField.getAsString()) : null;
        if (type == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "type: not a message of this direction", id);
        }
        try {
            T message = gson.fromJson(object, type);
            if (message == null) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "no fields", id);
            }
            return message;
        } catch (RuntimeException e) {
            // The boundary of hostile input: Gson reports wrong JSON types with its own runtime
            // exceptions and wraps what a record's constructor refuses; all of it is a bad field.
            throw new ProtocolException(ErrorCode.INVALID_FIELD, shortMessage(rootCause(e)), id);
        }
    }

    /** The value of a JSON number that is an integer, else null. */
    private static BigDecimal integer(JsonElement element) {
        if (element == null || !element.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = element.getAsJsonPrimitive();
        if (!p.isNumber()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(p.getAsString());
            if (value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return null;
            }
            return value.stripTrailingZeros().scale() <= 0 ? value : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** An exception's message, cut short: it goes back to the sender and must not echo its whole input. */
    private static String shortMessage(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
