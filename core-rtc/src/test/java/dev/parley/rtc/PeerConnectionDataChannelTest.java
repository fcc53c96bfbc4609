package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data channels between two Parley peer connections over real UDP on 127.0.0.1: DCEP-announced
 * and negotiated channels, text and binary, the largest message, ids by DTLS role, closing from
 * either side, and the W3C errors of {@code send}.
 */
class PeerConnectionDataChannelTest {
    private PeerPair pair;

    @AfterEach
    void close() {
        if (pair != null) {
            pair.close();
        }
    }

    private RTCDataChannel announcedAt(PeerPair.Peer peer) throws InterruptedException {
        RTCDataChannel channel = peer.dataChannels.poll(Loopback.SECONDS, TimeUnit.SECONDS);
        assertNotNull(channel, peer.name + " gets a datachannel event");
        return channel;
    }

    @Test
    void inBandChannel_opensOnBothSides_carriesTextBinaryAndLargestMessage_bothWays() throws Exception {
        pair = new PeerPair();
        RTCDataChannel local = pair.polite.pc.createDataChannel("chat",
                RTCDataChannelInit.builder().protocol("parley-chat").build());
        assertTrue(local.id().isEmpty(), "no id before the DTLS role is known");
        ChannelEvents localEvents = ChannelEvents.on(local);

        RTCDataChannel remote = announcedAt(pair.impolite);
        ChannelEvents remoteEvents = ChannelEvents.on(remote);
        localEvents.awaitOpen();
        assertEquals("chat", remote.label());
        assertEquals("parley-chat", remote.protocol());
        assertEquals(local.id(), remote.id(), "both ends name the stream alike");
        assertTrue(remote.ordered());
        assertEquals(RTCDataChannelState.OPEN, remote.readyState());

        local.send("héllo ✓");
        assertEquals("héllo ✓", remoteEvents.next().text());
        remote.send(new byte[] {1, 2, 3});
        RTCDataChannelMessage binary = localEvents.next();
        assertTrue(binary.isBinary());
        assertArrayEquals(new byte[] {1, 2, 3}, binary.data());
        local.send("");
        assertEquals("", remoteEvents.next().text(), "an empty string arrives as one");
        remote.send(new byte[0]);
        RTCDataChannelMessage empty = localEvents.next();
        assertTrue(empty.isBinary());
        assertEquals(0, empty.size());

        byte[] largest = new byte[262_144];
        new Random(7).nextBytes(largest);
        local.send(largest);
        assertArrayEquals(largest, remoteEvents.next().data(), "256 KiB arrives intact");
        remote.send(largest);
        assertArrayEquals(largest, localEvents.next().data());

        long max = pair.polite.pc.sctp().orElseThrow().maxMessageSize();
        assertEquals(262_144, max, "the peer's max-message-size");
        RTCException tooLarge = assertThrows(RTCException.class, () -> local.send(new byte[262_145]));
        assertEquals(RTCException.TYPE, tooLarge.name());
        assertEquals(RTCSctpTransportState.CONNECTED, pair.polite.pc.sctp().orElseThrow().state());
    }

    @Test
    void closingFromOneSide_firesCloseOnBoth_andSendAfterwardsIsInvalidState() throws Exception {
        pair = new PeerPair();
        RTCDataChannel local = pair.polite.pc.createDataChannel("to-close");
        ChannelEvents localEvents = ChannelEvents.on(local);
        RTCDataChannel remote = announcedAt(pair.impolite);
        ChannelEvents remoteEvents = ChannelEvents.on(remote);
        localEvents.awaitOpen();
        local.send("last words");
        local.close();
        assertEquals(RTCDataChannelState.CLOSING, local.readyState());
        localEvents.awaitClosed();
        remoteEvents.awaitClosed();
        assertEquals("last words", remoteEvents.next().text(), "a message sent before close still arrives");
        // (its open event may or may not have reached the listener added after datachannel)
        assertEquals(java.util.List.of("closing", "close"),
                remoteEvents.order.stream().filter(e -> !e.equals("open")).toList(),
                "the side the peer closed sees closing, then close");
        assertFalse(localEvents.order.contains("closing"), "close() fires no closing event: " + localEvents.order);
        assertEquals("close", localEvents.order.get(localEvents.order.size() - 1));
        assertEquals(RTCDataChannelState.CLOSED, local.readyState());
        RTCException closed = assertThrows(RTCException.class, () -> local.send("too late"));
        assertEquals(RTCException.INVALID_STATE, closed.name());

        // The stream ids are free again: a new channel works.
        RTCDataChannel again = pair.impolite.pc.createDataChannel("again");
        ChannelEvents againEvents = ChannelEvents.on(again);
        ChannelEvents announcedAgain = ChannelEvents.on(announcedAt(pair.polite));
        againEvents.awaitOpen();
        again.send("reopened");
        assertEquals("reopened", announcedAgain.next().text());
    }

    @Test
    void negotiatedChannels_openWithoutAnnouncement_andIdsFollowDtlsRole() throws Exception {
        pair = new PeerPair();
        RTCDataChannelInit negotiated = RTCDataChannelInit.builder().negotiated(42).build();
        ChannelEvents a = ChannelEvents.on(pair.polite.pc.createDataChannel("side-a", negotiated));
        ChannelEvents b = ChannelEvents.on(pair.impolite.pc.createDataChannel("side-b", negotiated));
        a.awaitOpen();
        b.awaitOpen();
        a.channel.send("to b");
        assertEquals("to b", b.next().text());
        b.channel.send("to a");
        assertEquals("to a", a.next().text());
        assertTrue(pair.impolite.dataChannels.isEmpty() && pair.polite.dataChannels.isEmpty(),
                "negotiated channels fire no datachannel event");

        RTCDataChannel fromPolite = pair.polite.pc.createDataChannel("p");
        RTCDataChannel fromImpolite = pair.impolite.pc.createDataChannel("i");
        ChannelEvents.on(fromPolite).awaitOpen();
        ChannelEvents.on(fromImpolite).awaitOpen();
        int politeParity = fromPolite.id().orElseThrow() % 2;
        int impoliteParity = fromImpolite.id().orElseThrow() % 2;
        assertTrue(politeParity != impoliteParity, "RFC 8832 §6: one side even, the other odd: "
                + fromPolite + " " + fromImpolite);

        // On a live association a channel opens at once: a listener given at creation sees it.
        ChannelEvents late = ChannelEvents.create(pair.polite.pc, "late", RTCDataChannelInit.DEFAULT);
        late.awaitOpen();
        assertEquals("open", late.order.get(0));
        RTCDataChannel lateRemote = announcedAt(pair.impolite);
        while (!lateRemote.label().equals("late")) {
            lateRemote = announcedAt(pair.impolite); // the earlier channel "p" came first
        }
        ChannelEvents lateRemoteEvents = ChannelEvents.on(lateRemote);
        late.channel.send("still heard");
        assertEquals("still heard", lateRemoteEvents.next().text());

        RTCException inUse = assertThrows(RTCException.class,
                () -> pair.polite.pc.createDataChannel("dup", negotiated));
        assertEquals(RTCException.OPERATION, inUse.name());
    }

    @Test
    void unorderedPartiallyReliableChannels_deliverEveryMessageOnACleanPath() throws Exception {
        pair = new PeerPair();
        RTCDataChannel rexmit = pair.polite.pc.createDataChannel("rexmit",
                RTCDataChannelInit.builder().ordered(false).maxRetransmits(0).build());
        RTCDataChannel timed = pair.polite.pc.createDataChannel("timed",
                RTCDataChannelInit.builder().ordered(false).maxPacketLifeTime(500).build());
        ChannelEvents.on(rexmit).awaitOpen();
        ChannelEvents.on(timed).awaitOpen();
        RTCDataChannel rexmitRemote = announcedAt(pair.impolite);
        RTCDataChannel timedRemote = announcedAt(pair.impolite);
        assertEquals(0, rexmitRemote.maxRetransmits().orElseThrow());
        assertFalse(rexmitRemote.ordered());
        assertEquals(500, timedRemote.maxPacketLifeTime().orElseThrow());
        ChannelEvents rexmitEvents = ChannelEvents.on(rexmitRemote);
        ChannelEvents timedEvents = ChannelEvents.on(timedRemote);
        for (int i = 0; i < 50; i++) {
            rexmit.send("r" + i);
            timed.send("t" + i);
        }
        java.util.Set<String> got = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            got.add(rexmitEvents.next().text());
            got.add(timedEvents.next().text());
        }
        assertEquals(100, got.size(), "every message once: " + got);
    }

    @Test
    void bufferedAmount_risesOnSend_andFallsWithBufferedAmountLow() throws Exception {
        pair = new PeerPair();
        RTCDataChannel channel = pair.polite.pc.createDataChannel("bulk");
        ChannelEvents events = ChannelEvents.on(channel);
        ChannelEvents remote = ChannelEvents.on(announcedAt(pair.impolite));
        events.awaitOpen();
        channel.setBufferedAmountLowThreshold(1000);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 32; i++) {
            channel.send(chunk);
        }
        assertTrue(channel.bufferedAmount() > 1000, "2 MiB queued at once shows in bufferedAmount: "
                + channel.bufferedAmount());
        Long low = events.bufferedAmountLow.poll(Loopback.SECONDS, TimeUnit.SECONDS);
        assertNotNull(low, "bufferedamountlow fires");
        assertTrue(low <= 1000, "at or below the threshold: " + low);
        for (int i = 0; i < 32; i++) {
            assertEquals(chunk.length, remote.next().size());
        }
        Loopback.await(() -> channel.bufferedAmount() == 0, "everything sent (" + channel.bufferedAmount() + " left)");

        RTCStatsReport stats = pair.polite.pc.getStats().get(5, TimeUnit.SECONDS);
        RTCStats dc = stats.ofType("data-channel").get(0);
        assertEquals("bulk", dc.getString("label").orElseThrow());
        assertEquals(32L, dc.getLong("messagesSent"));
        assertEquals(32L * chunk.length, dc.getLong("bytesSent"));
        assertEquals("open", dc.getString("state").orElseThrow());
        assertEquals(1L, stats.ofType("peer-connection").get(0).getLong("dataChannelsOpened"));
    }

    @Test
    void sendBeforeOpen_isInvalidState_andBadInitIsTypeError() {
        pair = new PeerPair();
        RTCDataChannel channel = pair.polite.pc.createDataChannel("early");
        RTCException early = assertThrows(RTCException.class, () -> channel.send("too soon"));
        assertEquals(RTCException.INVALID_STATE, early.name());
        RTCException both = assertThrows(RTCException.class, () -> RTCDataChannelInit.builder()
                .maxRetransmits(1).maxPacketLifeTime(1).build());
        assertEquals(RTCException.TYPE, both.name());
        pair.polite.pc.close();
        assertEquals(RTCDataChannelState.CLOSED, channel.readyState());
        RTCException closed = assertThrows(RTCException.class, () -> pair.polite.pc.createDataChannel("x"));
        assertEquals(RTCException.INVALID_STATE, closed.name());
    }
}
