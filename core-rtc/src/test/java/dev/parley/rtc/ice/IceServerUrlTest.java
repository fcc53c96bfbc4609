package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IceServerUrlTest {

    @ParameterizedTest
    @CsvSource({
        "stun:127.0.0.1,                      STUN,  127.0.0.1,   3478, UDP",
        "stun:turn.example.org:19302,          STUN,  turn.example.org, 19302, UDP",
        "STUN:[::1]:3479,                      STUN,  ::1,         3479, UDP",
        "stuns:turn.example.org,               STUNS, turn.example.org, 5349, TCP",
        "turn:127.0.0.1,                       TURN,  127.0.0.1,   3478, UDP",
        "turn:127.0.0.1:3479?transport=tcp,    TURN,  127.0.0.1,   3479, TCP",
        "turn:[2001:db8::1]?transport=udp,     TURN,  2001:db8::1, 3478, UDP",
        "turns:turn.example.org:443?transport=tcp, TURNS, turn.example.org, 443, TCP",
        "turns:turn.example.org,               TURNS, turn.example.org, 5349, TCP",
    })
    void parsesTheFormsBrowsersAccept(String url, IceServerUrl.Scheme scheme, String host, int port, TransportProtocol transport) {
        IceServerUrl parsed = IceServerUrl.parse(url);
        assertEquals(scheme, parsed.scheme());
        assertEquals(host, parsed.host());
        assertEquals(port, parsed.port());
        assertEquals(transport, parsed.transport());
        assertEquals(parsed, IceServerUrl.parse(parsed.toString()), "the canonical form parses back");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "stun", ":3478", "stun:", "stun://127.0.0.1", "stun:127.0.0.1:", "stun:127.0.0.1:70000",
        "stun:127.0.0.1:0", "stun:127.0.0.1:12a", "stun:127.0.0.1?transport=udp", "turn:host?foo=bar",
        "turn:[::1", "turn:[zz::1]", "turn:[::1]x", "turn:::1", "turn:ho st", "turn:host?transport=u%64p",
    })
    void rejectsMalformedUrlsWithAClearMessage(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IceServerUrl.parse(url));
        assertTrue(e.getMessage().length() > 10, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org", "turn:host?transport=sctp", "turns:host?transport=udp"})
    void rejectsUnsupportedSchemesAndTransports(String url) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> IceServerUrl.parse(url));
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }
}
