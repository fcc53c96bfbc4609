package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Remote senders from a=msid and a=ssrc in the shapes different endpoints write them. */
class RemoteSenderTest {
    private static List<RemoteSender> senders(String... attributes) throws Exception {
        String[] lines = new String[attributes.length + 1];
        lines[0] = "m=video 9 UDP/TLS/RTP/SAVPF 96 97";
        System.arraycopy(attributes, 0, lines, 1, attributes.length);
        MediaDescription m = SessionDescription.parse(SdpFixtures.HEADER + SdpFixtures.sdp(lines)).media().get(0);
        return RemoteSender.fromSection(m, "m-section 0");
    }

    @Test
    void chromiumMediaLevelMsidWithoutSsrcMsid() throws Exception {
        assertEquals(List.of(new RemoteSender(OptionalLong.of(10), OptionalLong.of(11), Optional.of("cn"),
                        List.of("s1"), Optional.of("t1"))),
                senders("a=msid:s1 t1", "a=ssrc-group:FID 10 11", "a=ssrc:10 cname:cn", "a=ssrc:11 cname:cn"));
    }

    @Test
    void ssrcMsidIsUsedWhenThereIsNoMediaLevelMsid() throws Exception {
        assertEquals(List.of(new RemoteSender(OptionalLong.of(10), OptionalLong.empty(), Optional.of("cn"),
                        List.of("legacy-stream"), Optional.of("legacy-track"))),
                senders("a=ssrc:10 cname:cn", "a=ssrc:10 msid:legacy-stream legacy-track"));
    }

    @Test
    void streamlessTrackHasNoStreamIds() throws Exception {
        RemoteSender s = senders("a=msid:- lonely", "a=ssrc:10 cname:cn").get(0);
        assertEquals(List.of(), s.streamIds());
        assertEquals(Optional.of("lonely"), s.trackId());
    }

    @Test
    void trackInSeveralStreams() throws Exception {
        assertEquals(List.of("a", "b"), senders("a=msid:a t", "a=msid:b t", "a=ssrc:1 cname:x").get(0).streamIds());
    }

    @Test
    void msidWithoutSsrcIsOneSenderRoutedByMid() throws Exception {
        assertEquals(List.of(new RemoteSender(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                List.of("s"), Optional.of("t"))), senders("a=msid:s t"));
    }

    @Test
    void nothingAnnouncedIsNoSender() throws Exception {
        assertTrue(senders("a=recvonly").isEmpty());
    }

    @Test
    void ssrcWithoutMsidOrCname() throws Exception {
        assertEquals(List.of(new RemoteSender(OptionalLong.of(7), OptionalLong.empty(), Optional.empty(), List.of(),
                Optional.empty())), senders("a=ssrc:7 label:x"));
    }

    @Test
    void simulcastLayersAreSendersEachWithItsRtx() throws Exception {
        List<RemoteSender> layers = senders("a=msid:s t", "a=ssrc-group:SIM 1 2", "a=ssrc-group:FID 1 11",
                "a=ssrc-group:FID 2 12", "a=ssrc:1 cname:c", "a=ssrc:11 cname:c", "a=ssrc:2 cname:c",
                "a=ssrc:12 cname:c");
        assertEquals(List.of(1L, 2L), layers.stream().map(s -> s.ssrc().getAsLong()).toList());
        assertEquals(List.of(11L, 12L), layers.stream().map(s -> s.rtxSsrc().getAsLong()).toList());
    }

    @Test
    void flexfecSsrcIsNotASender() throws Exception {
        List<RemoteSender> s = senders("a=ssrc-group:FEC-FR 1 9", "a=ssrc:1 cname:c", "a=ssrc:9 cname:c");
        assertEquals(1, s.size());
        assertEquals(OptionalLong.of(1), s.get(0).ssrc());
        assertEquals(OptionalLong.empty(), s.get(0).rtxSsrc());
    }
}
