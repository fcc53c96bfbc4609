package dev.parley.app.signaling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Property: any text either fails with {@link ProtocolException} or decodes into a message that
 * encodes and decodes to an equal value, in both directions. Seeds: one message of each type
 * (SignalingCodecFuzzTestInputs).
 */
class SignalingCodecFuzzTest {
    private final SignalingCodec codec = new SignalingCodec(8192);

    @FuzzTest
    void decodeEncodeDecode(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            ClientEnvelope request = codec.decodeClientMessage(text);
            assertEquals(request, codec.decodeClientMessage(codec.encode(request.id(), request.message())));
        } catch (ProtocolException expected) {
            // the one failure a decoder may report
        }
        try {
            ServerMessage event = codec.decodeServerMessage(text);
            assertEquals(event, codec.decodeServerMessage(codec.encode(event)));
        } catch (ProtocolException expected) {
            // likewise
        }
    }
}
