package dev.parley.rtc.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test fixture's JSON reader and writer, on the shapes DevTools sends and the scripts tests write. */
class JsonTest {
    @Test
    void readsADevToolsResponse() {
        Object parsed = Json.parse("{\"id\":7,\"result\":{\"result\":{\"type\":\"object\",\"value\":"
                + "{\"pairs\":[{\"state\":\"succeeded\",\"nominated\":true,\"rtt\":0.001,\"x\":null}]}}}}");
        Map<?, ?> value = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) parsed).get("result")).get("result"))
                .get("value");
        Map<?, ?> pair = (Map<?, ?>) ((List<?>) value.get("pairs")).get(0);
        assertEquals(7L, ((Map<?, ?>) parsed).get("id"));
        assertEquals("succeeded", pair.get("state"));
        assertEquals(true, pair.get("nominated"));
        assertEquals(0.001, pair.get("rtt"));
        assertEquals(null, pair.get("x"));
    }

    @Test
    void stringsRoundTripWithEscapes() {
        String sdp = "v=0\r\na=candidate:1 1 udp 2130706431 10.0.0.1 9 typ host\r\n\"quoted\" \\ \t \u0001 \u2028 é";
        String quoted = Json.quote(sdp);
        assertEquals(-1, quoted.indexOf('\n'), "a single-line literal, safe inside a script");
        assertEquals(-1, quoted.indexOf('\u2028'));
        assertEquals(sdp, Json.parse(quoted));
        assertEquals("A/b", Json.parse("\"\\u0041\\/b\""));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", 1);
        message.put("method", "Runtime.evaluate");
        message.put("params", Map.of("awaitPromise", true));
        message.put("list", Arrays.asList(1.5, null, "x", List.of()));
        String text = Json.write(message);
        assertEquals("{\"id\":1,\"method\":\"Runtime.evaluate\",\"params\":{\"awaitPromise\":true},"
                + "\"list\":[1.5,null,\"x\",[]]}", text);
        assertEquals(Json.parse(text), Json.parse(Json.write(Json.parse(text))));
    }

    @Test
    void malformedTextThrowsNamingTheOffset() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "\"open", "tru", "1 2", "{\"a\":1,}", "\"\\x\"", "-")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertEquals(true, e.getMessage().startsWith("malformed JSON at "), e.getMessage());
        }
    }
}
