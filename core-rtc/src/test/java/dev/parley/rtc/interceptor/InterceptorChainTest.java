package dev.parley.rtc.interceptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.PictureLossIndication;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Order of calls through an {@link InterceptorChain}, and the no-op defaults. */
class InterceptorChainTest {
    private static final StreamInfo AUDIO = new StreamInfo(1234, 111, 48000, "0", "audio", "cn", false);
    private final List<String> log = new ArrayList<>();
    private final RtpPacket packet = RtpPacket.builder().ssrc(1234).payloadType(111).payload(new byte[] {1, 2}).build();

    /** Logs every call under its name; on the way out it adds an extension element with its id. */
    private final class Recording implements Interceptor {
        private final String name;
        private final int extensionId;

        Recording(String name, int extensionId) {
            this.name = name;
            this.extensionId = extensionId;
        }

        @Override
        public void bindLocalStream(StreamInfo stream) {
            log.add(name + ".bindLocal");
        }

        @Override
        public void unbindLocalStream(StreamInfo stream) {
            log.add(name + ".unbindLocal");
        }

        @Override
        public void bindRemoteStream(StreamInfo stream) {
            log.add(name + ".bindRemote");
        }

        @Override
        public void unbindRemoteStream(StreamInfo stream) {
            log.add(name + ".unbindRemote");
        }

        @Override
        public RtpPacket onOutgoingRtp(RtpPacket p, long nowNanos) {
            log.add(name + ".out" + (p.extensionElement(1) != null ? "[1]" : "") + (p.extensionElement(2) != null ? "[2]" : ""));
            return p.withExtensionElement(extensionId, new byte[] {(byte) extensionId});
        }

        @Override
        public void onIncomingRtp(RtpPacket p, long nowNanos) {
            log.add(name + ".inRtp@" + nowNanos);
        }

        @Override
        public void onIncomingRtcp(List<RtcpPacket> packets, long nowNanos) {
            log.add(name + ".inRtcp" + packets.size());
        }

        @Override
        public void close() {
            log.add(name + ".close");
        }
    }

    @Test
    void outgoingRtpRunsAppSideFirstAndEachSeesWhatTheOneBeforeReturned() {
        InterceptorChain chain = new InterceptorChain(List.of(new Recording("a", 1), new Recording("b", 2)));

        RtpPacket out = chain.onOutgoingRtp(packet, 5);

        assertEquals(List.of("a.out", "b.out[1]"), log, "b sees the packet a returned");
        assertArrayEquals(new byte[] {1}, out.extensionElement(1));
        assertArrayEquals(new byte[] {2}, out.extensionElement(2));
    }

    @Test
    void incomingRunsWireSideFirst() {
        InterceptorChain chain = new InterceptorChain(List.of(new Recording("a", 1), new Recording("b", 2)));

        chain.onIncomingRtp(packet, 7);
        chain.onIncomingRtcp(List.of(new PictureLossIndication(1, 1234)), 8);

        assertEquals(List.of("b.inRtp@7", "a.inRtp@7", "b.inRtcp1", "a.inRtcp1"), log);
    }

    @Test
    void bindingGoesFirstToLastAndUnbindingAndClosingLastToFirst() {
        InterceptorChain chain = new InterceptorChain(List.of(new Recording("a", 1), new Recording("b", 2)));

        chain.bindLocalStream(AUDIO);
        chain.bindRemoteStream(AUDIO);
        chain.unbindRemoteStream(AUDIO);
        chain.unbindLocalStream(AUDIO);
        chain.close();

        assertEquals(List.of("a.bindLocal", "b.bindLocal", "a.bindRemote", "b.bindRemote",
                "b.unbindRemote", "a.unbindRemote", "b.unbindLocal", "a.unbindLocal", "b.close", "a.close"), log);
    }

    @Test
    void oneInterceptorFailingToCloseDoesNotKeepTheOthersOpen() {
        Interceptor broken = new Interceptor() {
            @Override
            public void close() {
                throw new IllegalStateException("broken");
            }
        };
        InterceptorChain chain = new InterceptorChain(List.of(new Recording("a", 1), broken, new Recording("c", 3)));

        IllegalStateException e = assertThrows(IllegalStateException.class, chain::close);

        assertEquals("broken", e.getMessage());
        assertEquals(List.of("c.close", "a.close"), log);
    }

    @Test
    void anInterceptorReturningNoPacketIsABugNamedInTheError() {
        Interceptor dropper = new Interceptor() {
            @Override
            public RtpPacket onOutgoingRtp(RtpPacket p, long nowNanos) {
                return null;
            }
        };
        InterceptorChain chain = new InterceptorChain(List.of(dropper));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> chain.onOutgoingRtp(packet, 0));
        assertEquals(true, e.getMessage().contains("returned null"), e.getMessage());
    }

    @Test
    void theNoOpBaseLetsEverythingThroughUnchanged() {
        Interceptor noOp = new Interceptor() {};
        assertSame(packet, new InterceptorChain(List.of(noOp, noOp)).onOutgoingRtp(packet, 0));
        assertSame(packet, new InterceptorChain(List.of()).onOutgoingRtp(packet, 0));
    }

    @Test
    void createCallsEachFactoryInOrderWithTheContext() {
        VirtualClock clock = new VirtualClock();
        InterceptorContext context = new InterceptorContext(clock.newSerialExecutor("pc"), packets -> {}, rtp -> {},
                Clock.systemUTC(), new Random(1));
        List<InterceptorContext> seen = new ArrayList<>();
        InterceptorFactory first = c -> {
            seen.add(c);
            return new Recording("first", 1);
        };
        InterceptorFactory second = c -> {
            seen.add(c);
            return new Recording("second", 2);
        };

        InterceptorChain chain = InterceptorChain.create(context, List.of(first, second));
        chain.bindLocalStream(AUDIO);

        assertEquals(List.of(context, context), seen);
        assertEquals(List.of("first.bindLocal", "second.bindLocal"), log);
    }

    @Test
    void findGivesTheFirstInterceptorOfAType() {
        Recording a = new Recording("a", 1);
        InterceptorChain chain = new InterceptorChain(List.of(new Interceptor() {}, a, new Recording("b", 2)));
        assertSame(a, chain.find(Recording.class).orElseThrow());
        assertEquals(Optional.empty(), chain.find(InterceptorChain.class));
    }

    @Test
    void streamInfoRejectsWhatNoStreamCanBe() {
        assertThrows(IllegalArgumentException.class, () -> new StreamInfo(-1, 0, 8000, null, "audio", null, false));
        assertThrows(IllegalArgumentException.class, () -> new StreamInfo(1, 128, 8000, null, "audio", null, false));
        assertThrows(IllegalArgumentException.class, () -> new StreamInfo(1, 0, 0, null, "audio", null, false));
        assertThrows(IllegalArgumentException.class, () -> new StreamInfo(1, 0, 8000, null, "data", null, false));
        assertEquals(0xFFFF_FFFFL, new StreamInfo(0xFFFF_FFFFL, 0, 8000, null, "video", null, true).ssrc());
    }
}
