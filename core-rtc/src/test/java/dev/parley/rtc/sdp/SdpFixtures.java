package dev.parley.rtc.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the captured SDPs from test resources. */
final class SdpFixtures {
    private SdpFixtures() {}

    static String chromiumOffer() {
        return load("chromium-156/offer.sdp");
    }

    static String chromiumAnswer() {
        return load("chromium-156/answer.sdp");
    }

    static String load(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line ending as CRLF, the form the writer produces. */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** Joins lines with CRLF, each line terminated. */
    static String sdp(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static final String HEADER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
}
