package dev.parley.app.signaling.protocol;

import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an {@code Integer} field only from a JSON number that is exactly an int: Gson's own
 * adapter truncates {@code 1.5} to 1 and accepts {@code "1"}, which would let two different
 * texts mean the same candidate index.
 */
final class ExactIntegerAdapter extends TypeAdapter<Integer> {
    @Override
    public void write(JsonWriter out, Integer value) throws IOException {
        out.value(value);
    }

    @Override
    public Integer read(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new JsonSyntaxException("expected an integer, found " + in.peek());
        }
        String text = in.nextString();
        try {
            return new BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonSyntaxException("not an int: " + (text.length() > 20 ? text.substring(0, 20) + "…" : text));
        }
    }
}
