package dev.parley.app.signaling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalingCodecTest {
    private static final String CALL = "0b7d3c2e-6f1a-4c59-9d0e-2a8f5b6c7d8e";
    private final SignalingCodec codec = new SignalingCodec(4096);

    static List<ClientMessage> everyClientMessage() {
        return List.of(
                new ClientMessage.Register("Ada", null, null),
                new ClientMessage.Register("Ada Lovelace", "s3cret", new ClientMessage.Resume(CALL, "Charles")),
                new ClientMessage.Invite(CALL, "Charles"),
                new ClientMessage.Ringing(CALL),
                new ClientMessage.Accept(CALL),
                new ClientMessage.Decline(CALL, "in a meeting"),
                new ClientMessage.Decline(CALL, null),
                new ClientMessage.Cancel(CALL),
                new ClientMessage.Busy(CALL),
                new ClientMessage.Hangup(CALL),
                new ClientMessage.Description(CALL, "offer", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"),
                new ClientMessage.Description(CALL, "rollback", ""),
                new ClientMessage.Candidate(CALL, "candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host", "0", 0, "abcd"),
                new ClientMessage.Candidate(CALL, "", null, null, null),
                new ClientMessage.Ping());
    }

    static List<ServerMessage> everyServerMessage() {
        return List.of(
                new ServerMessage.Registered(1, "Ada", List.of(new IceServer(List.of("stun:127.0.0.1:3478"), null, null),
                        new IceServer(List.of("turn:127.0.0.1:3478?transport=udp"), "u", "p")), 15, 45),
                new ServerMessage.Presence(List.of("Charles", "Grace")),
                new ServerMessage.Presence(List.of()),
                new ServerMessage.PresenceUpdate(List.of("Grace"), List.of()),
                new ServerMessage.PresenceUpdate(List.of("Grace", "Alan"), List.of("Ada")),
                new ServerMessage.Incoming(CALL, "Ada"),
                new ServerMessage.Ringing(CALL),
                new ServerMessage.Accepted(CALL),
                new ServerMessage.Declined(CALL, "no"),
                new ServerMessage.Cancelled(CALL),
                new ServerMessage.Busy(CALL),
                new ServerMessage.Missed(CALL),
                new ServerMessage.HungUp(CALL, "hangup"),
                new ServerMessage.Description(CALL, "answer", "v=0\r\n"),
                new ServerMessage.Candidate(CALL, "candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null),
                new ServerMessage.Resumed(CALL, "Charles"),
                new ServerMessage.Ack(7),
                new ServerMessage.Pong(8),
                new ServerMessage.Error(ErrorCode.UNKNOWN_CALL, "no such call", 9, CALL),
                new ServerMessage.Error(ErrorCode.BAD_JSON, "not JSON", 0, null));
    }

    @Test
    void everyClientMessageRoundTrips() throws ProtocolException {
        long id = 1;
        for (ClientMessage m : everyClientMessage()) {
            String text = codec.encode(id, m);
            assertTrue(text.startsWith("{\"v\":1,\"type\":\""), text);
            assertEquals(new ClientEnvelope(id, m), codec.decodeClientMessage(text), text);
            id++;
        }
    }

    @Test
    void everyServerMessageRoundTrips() throws ProtocolException {
        for (ServerMessage m : everyServerMessage()) {
            String text = codec.encode(m);
            assertEquals(m, codec.decodeServerMessage(text), text);
        }
    }

    @Test
    void writesTheDocumentedShape() {
        assertEquals("{\"v\":1,\"type\":\"invite\",\"id\":3,\"callId\":\"" + CALL + "\",\"to\":\"Charles\"}",
                codec.encode(3, new ClientMessage.Invite(CALL, "Charles")));
        assertEquals("{\"v\":1,\"type\":\"error\",\"code\":\"unknown-call\",\"message\":\"m\",\"re\":2}",
                codec.encode(new ServerMessage.Error(ErrorCode.UNKNOWN_CALL, "m", 2, null)));
    }

    /** The codec splices the envelope's v, type and id before a message's fields: no field may share a name. */
    @Test
    void noMessageHasAFieldNamedLikeTheEnvelope() {
        List<Class<?>> types = new java.util.ArrayList<>(MessageTypes.CLIENT.values());
        types.addAll(MessageTypes.SERVER.values());
        for (Class<?> type : types) {
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                assertTrue(!List.of("v", "type", "id").contains(c.getName()), type.getSimpleName() + "." + c.getName());
            }
        }
    }

    @Test
    void aMessageWithNoFieldsIsTheEnvelopeAlone() {
        assertEquals("{\"v\":1,\"type\":\"ping\",\"id\":4}", codec.encode(4, new ClientMessage.Ping()));
    }

    @Test
    void requestWithoutIdHasIdZero() throws ProtocolException {
        assertEquals(0, codec.decodeClientMessage("{\"v\":1,\"type\":\"ping\"}").id());
    }

    @Test
    void unknownFieldsAreIgnored() throws ProtocolException {
        assertEquals(new ClientMessage.Ringing(CALL),
                codec.decodeClientMessage("{\"v\":1,\"type\":\"ringing\",\"callId\":\"" + CALL + "\",\"extra\":[1]}")
                        .message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "nul", "[]", "\"x\"", "42", "{", "{\"v\":1,\"type\":\"ping\"} {}",
            "{'v':1,'type':'ping'}", "{\"v\":1,\"type\":\"ping\",}", "{\"v\":1 /*c*/,\"type\":\"ping\"}"})
    void rejectsWhatIsNotOneJsonObject(String text) {
        assertCode(ErrorCode.BAD_JSON, text);
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "{\"v\":1,\"type\":\"ping\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertCode(ErrorCode.TOO_LARGE, deep);
        assertCode(ErrorCode.BAD_JSON, "{\"v\":1,\"type\":\"ping\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"}", "{\"v\":2,\"type\":\"ping\"}", "{\"v\":\"1\",\"type\":\"ping\"}",
            "{\"v\":1.5,\"type\":\"ping\"}"})
    void rejectsOtherVersions(String text) {
        assertCode(ErrorCode.UNSUPPORTED_VERSION, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":1}", "{\"v\":1,\"type\":\"launch\"}", "{\"v\":1,\"type\":1}",
            "{\"v\":1,\"type\":\"incoming\",\"callId\":\"" + CALL + "\",\"from\":\"Ada\"}"})
    void rejectsUnknownTypesAndTheOtherDirectionsTypes(String text) {
        assertCode(ErrorCode.UNKNOWN_TYPE, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"v\":1,\"type\":\"invite\",\"callId\":\"short\",\"to\":\"Bob\"}",
            "{\"v\":1,\"type\":\"invite\",\"callId\":\"" + CALL + "\"}",
            "{\"v\":1,\"type\":\"invite\",\"callId\":\"" + CALL + "\",\"to\":\" Bob\"}",
            "{\"v\":1,\"type\":\"invite\",\"callId\":\"" + CALL + "\",\"to\":\"B\\u0000ob\"}",
            "{\"v\":1,\"type\":\"invite\",\"callId\":{},\"to\":\"Bob\"}",
            "{\"v\":1,\"type\":\"register\"}",
            "{\"v\":1,\"type\":\"description\",\"callId\":\"" + CALL + "\",\"sdpType\":\"bogus\",\"sdp\":\"\"}",
            "{\"v\":1,\"type\":\"candidate\",\"callId\":\"" + CALL + "\",\"candidate\":\"\",\"sdpMLineIndex\":-1}",
            "{\"v\":1,\"type\":\"candidate\",\"callId\":\"" + CALL + "\",\"candidate\":\"\",\"sdpMLineIndex\":1.5}",
            "{\"v\":1,\"type\":\"ping\",\"id\":-1}",
            "{\"v\":1,\"type\":\"ping\",\"id\":0}",
            "{\"v\":1,\"type\":\"ping\",\"id\":1.25}",
            "{\"v\":1,\"type\":\"ping\",\"id\":9007199254740992}",
            "{\"v\":1,\"type\":\"ping\",\"id\":\"7\"}"})
    void rejectsBadFields(String text) {
        assertCode(ErrorCode.INVALID_FIELD, text);
    }

    @Test
    void aBadFieldStillReportsTheRequestId() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> codec.decodeClientMessage("{\"v\":1,\"type\":\"accept\",\"id\":12,\"callId\":\"x\"}"));
        assertEquals(ErrorCode.INVALID_FIELD, e.code());
        assertEquals(12, e.requestId());
    }

    @Test
    void rejectsOversizedMessagesByUtf8Length() throws ProtocolException {
        String fits = "{\"v\":1,\"type\":\"description\",\"callId\":\"" + CALL + "\",\"sdpType\":\"offer\",\"sdp\":\"";
        int room = 4096 - fits.length() - 2;
        codec.decodeClientMessage(fits + "a".repeat(room) + "\"}");
        assertCode(ErrorCode.TOO_LARGE, fits + "a".repeat(room + 1) + "\"}");
        // 'é' is two UTF-8 bytes: half as many fit.
        assertCode(ErrorCode.TOO_LARGE, fits + "é".repeat(room / 2 + 1) + "\"}");
    }

    private void assertCode(ErrorCode expected, String text) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeClientMessage(text), text);
        assertEquals(expected, e.code(), e.getMessage());
    }
}
