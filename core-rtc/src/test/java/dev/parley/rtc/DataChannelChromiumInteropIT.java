package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.testutil.ChromiumInNamespace;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.Hex;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley's data channels against Chromium 156's SCTP (dcsctp) in a network namespace the test
 * creates: data-channel-only calls with Parley as offerer and as answerer, channels from either
 * side (DCEP and negotiated), text, binary and empty messages both ways up to the 256 KiB
 * max-message-size, closing by stream reset from either side (also on a lossy link, right after
 * a large message), partially reliable channels (also on a lossy link, where FORWARD TSN does the
 * work), closing either peer connection, and Chromium's full audio + video + data offer answered
 * by Parley. Both engines' data-channel stats are compared.
 *
 * <pre>
 *   Parley  10.213.63.1 ── veth ── 10.213.63.2  Chromium (page script drives its RTCPeerConnection)
 * </pre>
 *
 * Content is checked by SHA-256 on both sides: Chromium hashes what it sends and what it receives
 * with {@code crypto.subtle}, Parley with {@link MessageDigest}. Loss comes from an nftables rule
 * in the namespace ({@link NetworkNamespace#dropUdpDatagrams}).
 */
class DataChannelChromiumInteropIT {
    private static final Logger LOG = LoggerFactory.getLogger(DataChannelChromiumInteropIT.class);
    private static final String HOST_IP = "10.213.63.1";
    private static final String NS_IP = "10.213.63.2";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int JS_WAIT_MS = 15_000;
    private static final int MAX_MESSAGE = 262_144;

    /** Who sends the first offer. */
    enum Role { PARLEY_OFFERS, CHROMIUM_OFFERS }

    /** The page's helpers ({@code lib.*}), in datachannel-page.js next to this class. */
    private static final String PAGE_LIBRARY = "datachannel-page.js";

    private static ChromiumInNamespace browser;
    private static ChromiumPeer chromium;

    private RealNet net;
    private RTCPeerConnection parley;
    private final CompletableFuture<Void> parleyGathered = new CompletableFuture<>();
    private final CompletableFuture<RTCPeerConnectionState> parleyConnected = new CompletableFuture<>();
    private final LinkedBlockingQueue<RTCTrackEvent> parleyTracks = new LinkedBlockingQueue<>();
    /** Every Parley channel, created or announced, by label, with its events recorded from the start. */
    private final Map<String, ChannelEvents> parleyChannels = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ChannelEvents>> announcedAtParley = new ConcurrentHashMap<>();

    @BeforeAll
    static void namespaceAndChromium() throws Exception {
        browser = ChromiumInNamespace.start(HOST_IP, NS_IP);
        chromium = browser.chromium();
        try (var in = DataChannelChromiumInteropIT.class.getResourceAsStream(PAGE_LIBRARY)) {
            chromium.eval(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopChromiumAndNamespace() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void peers() throws Exception {
        chromium.eval("lib.reset()");
        net = new RealNet();
        InetAddress host = InetAddress.getByName(HOST_IP);
        IceSettings ice = IceSettings.DEFAULTS.toBuilder().addressFilter(a -> a.address().equals(host))
                .includeIpv6(false).gatherTcp(false).build();
        parley = new RTCPeerConnection(RTCConfiguration.defaults(), EngineSettings.builder().net(net).ice(ice).build());
        parley.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                if (candidate == null) {
                    parleyGathered.complete(null);
                }
            }

            @Override
            public void onConnectionStateChange(RTCPeerConnectionState state) {
                if (state == RTCPeerConnectionState.CONNECTED || state == RTCPeerConnectionState.FAILED) {
                    parleyConnected.complete(state);
                }
            }

            @Override
            public void onTrack(RTCTrackEvent event) {
                parleyTracks.add(event);
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                // On the peer connection's executor, before any message of the channel is delivered.
                ChannelEvents events = ChannelEvents.on(channel);
                parleyChannels.put(channel.label(), events);
                announcedAtParley.computeIfAbsent(channel.label(), l -> new CompletableFuture<>()).complete(events);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        parley.close();
        net.close();
        chromium.eval("pc.close(); true");
    }

    // ---- the tests --------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Role.class)
    void dataOnlyCall_connects_inBandChannelsFromEitherSide_textAndBinaryBothWays(Role role) throws Exception {
        connectDataOnly(role, RTCDataChannelInit.builder().protocol("first-proto").build());
        ChannelEvents first = parleyChannel("first");
        Map<String, Object> firstAtChromium = chromiumOpened("first");
        first.awaitOpen();
        assertEquals("first-proto", first.channel.protocol());
        assertEquals("first-proto", firstAtChromium.get("protocol"));
        assertSameId(first, firstAtChromium);
        assertIdFollowsDtlsRole(first.channel);
        textAndBinaryBothWays(first, "first");
        emptyMessagesBothWays(first, "first");

        // The answerer opens a channel of its own on the running association: DCEP the other way.
        String second = "second";
        if (role == Role.PARLEY_OFFERS) {
            chromium.eval("lib.create('second', {protocol: 'p2'})");
        } else {
            parleyCreate(second, RTCDataChannelInit.builder().protocol("p2").build());
        }
        ChannelEvents secondAtParley = parleyChannel(second);
        secondAtParley.awaitOpen();
        Map<String, Object> secondAtChromium = chromiumOpened(second);
        assertEquals("p2", secondAtParley.channel.protocol());
        assertEquals("p2", secondAtChromium.get("protocol"));
        assertSameId(secondAtParley, secondAtChromium);
        assertIdFollowsDtlsRole(secondAtParley.channel);
        textAndBinaryBothWays(secondAtParley, second);
        textAndBinaryBothWays(first, "first"); // the first channel still works alongside

        assertEquals(RTCPeerConnectionState.CONNECTED, parley.connectionState());
        assertEquals("connected", chromium.eval("pc.connectionState"));
        assertEquals(RTCSctpTransportState.CONNECTED, parley.sctp().orElseThrow().state());
        assertEquals("connected", chromium.eval("pc.sctp.state"));
        assertDataChannelStatsAgree();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void largestMessages_256KiB_textAndBinaryBothWays_eachSideReadsTheOthersMaxMessageSize(Role role)
            throws Exception {
        connectDataOnly(role, RTCDataChannelInit.DEFAULT);
        ChannelEvents first = parleyChannel("first");
        first.awaitOpen();
        chromiumOpened("first");

        assertEquals(MAX_MESSAGE, parley.sctp().orElseThrow().maxMessageSize(), "Chromium's a=max-message-size");
        assertEquals(MAX_MESSAGE, ((Number) chromium.eval("pc.sctp.maxMessageSize")).longValue(),
                "Chromium reads Parley's a=max-message-size");

        // Chromium → Parley, binary then text, each exactly max-message-size.
        for (boolean text : new boolean[] {false, true}) {
            Map<String, Object> sent = chromiumSendRandom("first", MAX_MESSAGE, text);
            RTCDataChannelMessage got = first.next();
            assertEquals(!text, got.isBinary());
            byte[] bytes = text ? got.text().getBytes(StandardCharsets.UTF_8) : got.data();
            assertEquals(MAX_MESSAGE, bytes.length);
            assertEquals(sent.get("sha256"), sha256(bytes), "256 KiB from Chromium arrive intact");
        }
        // Parley → Chromium, binary then text.
        byte[] binary = new byte[MAX_MESSAGE];
        new Random(1).nextBytes(binary);
        first.channel.send(binary);
        Map<String, Object> got = chromiumNext("first");
        assertEquals(true, got.get("binary"));
        assertEquals(MAX_MESSAGE, ((Number) got.get("size")).intValue());
        assertEquals(sha256(binary), got.get("sha256"), "256 KiB from Parley arrive intact");
        String text = randomText(MAX_MESSAGE, new Random(2));
        first.channel.send(text);
        got = chromiumNext("first");
        assertEquals(false, got.get("binary"));
        assertEquals(MAX_MESSAGE, ((Number) got.get("size")).intValue());
        assertEquals(sha256(text.getBytes(StandardCharsets.UTF_8)), got.get("sha256"));

        // Several large messages in a row each way: the windows open and close, nothing is lost.
        for (int i = 0; i < 4; i++) {
            first.channel.send(binary);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(sha256(binary), chromiumNext("first").get("sha256"), "burst message " + i);
        }
        List<Object> sentBurst = List.of(chromiumSendRandom("first", MAX_MESSAGE, false).get("sha256"),
                chromiumSendRandom("first", MAX_MESSAGE, false).get("sha256"),
                chromiumSendRandom("first", MAX_MESSAGE, false).get("sha256"));
        for (Object hash : sentBurst) {
            assertEquals(hash, sha256(first.next().data()));
        }
        assertDataChannelStatsAgree();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void negotiatedChannels_openWithoutAnnouncement_textAndBinaryBothWays(Role role) throws Exception {
        // Both applications agree on stream 5 out of band; the offerer's channel makes the data m-line.
        connectDataOnly(role, RTCDataChannelInit.builder().negotiated(5).build(),
                "{negotiated: true, id: 5}");
        ChannelEvents five = parleyChannel("first");
        five.awaitOpen();
        Map<String, Object> fiveAtChromium = chromiumOpened("first");
        assertEquals(true, fiveAtChromium.get("negotiated"));
        assertEquals(5, ((Number) fiveAtChromium.get("id")).intValue());
        assertEquals(5, five.channel.id().orElseThrow());
        textAndBinaryBothWays(five, "first");

        // A second pair on an id of the other parity, made once the association runs.
        ChannelEvents eight = parleyCreate("eighth", RTCDataChannelInit.builder().negotiated(8).ordered(false).build());
        chromium.eval("lib.create('eighth', {negotiated: true, id: 8, ordered: false})");
        eight.awaitOpen();
        chromiumOpened("eighth");
        textAndBinaryBothWays(eight, "eighth");
        assertTrue(parleyAnnouncedLabels().isEmpty(), "no datachannel event for negotiated channels");
        assertEquals(List.of(), chromium.eval("lib.announced"), "no datachannel event in Chromium either");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void closingFromEitherSide_firesCloseOnBoth_thenNewChannelsWork(Role role) throws Exception {
        connectDataOnly(role, RTCDataChannelInit.DEFAULT);
        ChannelEvents first = parleyChannel("first");
        first.awaitOpen();
        chromiumOpened("first");
        chromium.eval("lib.create('chromium-made')");
        ChannelEvents chromiumMade = parleyChannel("chromium-made");
        chromiumMade.awaitOpen();
        chromiumOpened("chromium-made");
        ChannelEvents parleyMade = parleyCreate("parley-made", RTCDataChannelInit.DEFAULT);
        parleyMade.awaitOpen();
        chromiumOpened("parley-made");

        java.util.Set<Integer> freed = java.util.Set.of(first.channel.id().orElseThrow(),
                chromiumMade.channel.id().orElseThrow(), parleyMade.channel.id().orElseThrow());

        // Parley closes a channel Chromium made, after a last message.
        chromiumMade.channel.send("last words from Parley");
        chromiumMade.channel.close();
        chromiumMade.awaitClosed();
        assertEquals(Map.of("binary", false, "text", "last words from Parley"),
                subset(chromiumNext("chromium-made"), "binary", "text"), "a message sent before close arrives");
        assertEquals(List.of("open", "closing", "close"), chromium.evalAsync(
                "return await lib.closed('chromium-made', " + JS_WAIT_MS + ");", TIMEOUT),
                "Chromium's side sees closing, then close");
        assertEquals("close", last(chromiumMade.order));

        // Chromium closes a channel Parley made, after a last message.
        chromium.evalAsync("const w = lib.channels['parley-made']; w.dc.send('last words from Chromium');"
                + " w.dc.close(); return await lib.closed('parley-made', " + JS_WAIT_MS + ");", TIMEOUT);
        parleyMade.awaitClosed();
        assertEquals("last words from Chromium", parleyMade.next().text());
        // (a channel created on a running association may open before a listener is added: ChannelEvents
        // then completes its open future from readyState without an "open" entry)
        assertEquals(List.of("closing", "close"), parleyMade.order.stream().filter(e -> !e.equals("open")).toList(),
                "Parley's side sees closing, then close");
        assertEquals(RTCDataChannelState.CLOSED, parleyMade.channel.readyState());

        // Chromium closes the offerer's first channel too; both ends see close.
        chromium.evalAsync("lib.channels['first'].dc.close(); return await lib.closed('first', " + JS_WAIT_MS + ");",
                TIMEOUT);
        first.awaitClosed();
        assertTrue(first.errors.isEmpty(), "a clean close: " + first.errors);

        // The association lives on: new channels from both sides work on freed stream ids, whose
        // sequence numbers both ends reset to 0 (RFC 6525 §5.2.2 E3).
        ChannelEvents again = parleyCreate("parley-again", RTCDataChannelInit.DEFAULT);
        again.awaitOpen();
        assertSameId(again, chromiumOpened("parley-again"));
        textAndBinaryBothWays(again, "parley-again");
        chromium.eval("lib.create('chromium-again')");
        ChannelEvents chromiumAgain = parleyChannel("chromium-again");
        chromiumAgain.awaitOpen();
        assertSameId(chromiumAgain, chromiumOpened("chromium-again"));
        textAndBinaryBothWays(chromiumAgain, "chromium-again");
        assertTrue(freed.contains(again.channel.id().orElseThrow()) && freed.contains(chromiumAgain.channel.id()
                .orElseThrow()), "the new channels reuse freed stream ids " + freed + ": " + again.channel.id()
                + ", " + chromiumAgain.channel.id());
        assertEquals(RTCPeerConnectionState.CONNECTED, parley.connectionState());
        assertEquals("connected", chromium.eval("pc.connectionState"));
    }

    /**
     * Each side sends 256 KiB and closes at once on a link that drops 20% of datagrams each way:
     * the stream reset request overtakes data still being retransmitted, so the receiver answers
     * "in progress" (RFC 6525 §5.2.2) and completes the reset later. Both ends still see close.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    @SuppressWarnings("unchecked")
    void closingRightAfterALargeMessage_onALossyLink_firesCloseOnBoth(Role role) throws Exception {
        connectDataOnly(role, RTCDataChannelInit.DEFAULT);
        parleyChannel("first").awaitOpen();
        chromium.eval("lib.create('from-chromium')");
        ChannelEvents fromChromium = parleyChannel("from-chromium");
        fromChromium.awaitOpen();
        chromiumOpened("from-chromium");
        ChannelEvents fromParley = parleyCreate("from-parley", RTCDataChannelInit.DEFAULT);
        fromParley.awaitOpen();
        chromiumOpened("from-parley");

        byte[] large = new byte[MAX_MESSAGE];
        new Random(3).nextBytes(large);
        try (NetworkNamespace.Loss loss = browser.namespace().dropUdpDatagrams(20)) {
            Map<String, Object> sent = (Map<String, Object>) chromium.evalAsync(
                    "const d = await lib.sendRandom('from-chromium', " + MAX_MESSAGE + ", false);"
                    + " lib.channels['from-chromium'].dc.close(); return d;", TIMEOUT);
            fromParley.channel.send(large);
            fromParley.channel.close();

            assertEquals(sent.get("sha256"), sha256(fromChromium.next().data()), "Chromium's last message arrives");
            assertEquals(sha256(large), chromiumNext("from-parley").get("sha256"), "Parley's last message arrives");
            fromChromium.awaitClosed();
            fromParley.awaitClosed();
            assertEquals("close", last((List<String>) chromium.evalAsync(
                    "return await lib.closed('from-chromium', " + JS_WAIT_MS + ");", TIMEOUT)));
            assertEquals("close", last((List<String>) chromium.evalAsync(
                    "return await lib.closed('from-parley', " + JS_WAIT_MS + ");", TIMEOUT)));
            LOG.info("{}: datagrams dropped while closing: {}", role, loss.dropped());
        }
        // After the loss: the association is fine, new channels work both ways.
        ChannelEvents again = parleyCreate("again", RTCDataChannelInit.DEFAULT);
        again.awaitOpen();
        chromiumOpened("again");
        textAndBinaryBothWays(again, "again");
        awaitConnectedAgain();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void partiallyReliableChannels_openWithTheirPropertiesOnTheOtherSide(Role role) throws Exception {
        connectDataOnly(role, RTCDataChannelInit.DEFAULT);
        parleyChannel("first").awaitOpen();
        chromium.eval("lib.create('unreliable', {ordered: false, maxRetransmits: 0});"
                + " lib.create('timed', {maxPacketLifeTime: 150})");
        ChannelEvents unreliable = parleyChannel("unreliable");
        ChannelEvents timed = parleyChannel("timed");
        unreliable.awaitOpen();
        timed.awaitOpen();
        assertFalse(unreliable.channel.ordered(), "unordered at Parley");
        assertEquals(0, unreliable.channel.maxRetransmits().orElseThrow(), "maxRetransmits 0 at Parley");
        assertTrue(unreliable.channel.maxPacketLifeTime().isEmpty());
        assertTrue(timed.channel.ordered(), "ordered at Parley");
        assertEquals(150, timed.channel.maxPacketLifeTime().orElseThrow(), "maxPacketLifeTime 150 at Parley");
        assertTrue(timed.channel.maxRetransmits().isEmpty());
        chromiumOpened("unreliable");
        chromiumOpened("timed");
        // On a clean link these deliver too, both ways.
        textAndBinaryBothWays(unreliable, "unreliable");
        textAndBinaryBothWays(timed, "timed");

        // And the other way round: Parley's partially reliable channels as Chromium sees them.
        parleyCreate("p-unreliable", RTCDataChannelInit.builder().ordered(false).maxRetransmits(0).build()).awaitOpen();
        parleyCreate("p-timed", RTCDataChannelInit.builder().maxPacketLifeTime(150).build()).awaitOpen();
        Map<String, Object> pUnreliable = chromiumOpened("p-unreliable");
        Map<String, Object> pTimed = chromiumOpened("p-timed");
        assertEquals(false, pUnreliable.get("ordered"));
        assertEquals(0, ((Number) pUnreliable.get("maxRetransmits")).intValue());
        assertEquals(null, pUnreliable.get("maxPacketLifeTime"));
        assertEquals(true, pTimed.get("ordered"));
        assertEquals(150, ((Number) pTimed.get("maxPacketLifeTime")).intValue());
        assertEquals(null, pTimed.get("maxRetransmits"));
        textAndBinaryBothWays(parleyChannels.get("p-unreliable"), "p-unreliable");
    }

    /**
     * Unordered channels with maxRetransmits 0 each way on a link that drops 25% of datagrams:
     * lost messages are given up and skipped with FORWARD TSN (RFC 3758), reliable traffic on
     * another channel is unaffected, and the channels still close, which needs each side's
     * cumulative TSN to have moved past the abandoned chunks.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    @SuppressWarnings("unchecked")
    void unreliableChannels_onALossyLink_skipLostMessages_andStillClose(Role role) throws Exception {
        RTCDataChannelInit unreliable = RTCDataChannelInit.builder().ordered(false).maxRetransmits(0).build();
        connectDataOnly(role, RTCDataChannelInit.DEFAULT);
        ChannelEvents first = parleyChannel("first");
        first.awaitOpen();
        chromiumOpened("first");
        chromium.eval("lib.create('c-unreliable', {ordered: false, maxRetransmits: 0})");
        ChannelEvents fromChromium = parleyChannel("c-unreliable");
        fromChromium.awaitOpen();
        chromiumOpened("c-unreliable");
        ChannelEvents fromParley = parleyCreate("p-unreliable", unreliable);
        fromParley.awaitOpen();
        chromiumOpened("p-unreliable");

        int count = 200;
        try (NetworkNamespace.Loss loss = browser.namespace().dropUdpDatagrams(25)) {
            // About a packet each, so that losses hit messages rather than bundles of them. The
            // loss stays until each burst has left its sender (bufferedAmount 0): the schedulers
            // take turns between streams, so a marker on another channel would come back too soon.
            chromium.eval("for (let i = 0; i < " + count + "; i++) lib.channels['c-unreliable'].dc.send('c' + i"
                    + " + '.'.repeat(1000)); true");
            for (int i = 0; i < count; i++) {
                fromParley.channel.send("p" + i + ".".repeat(1000));
            }
            chromium.evalAsync("const dc = lib.channels['c-unreliable'].dc;"
                    + " await lib.deadline(new Promise(r => { dc.bufferedAmountLowThreshold = 0;"
                    + "   dc.addEventListener('bufferedamountlow', () => r()); if (dc.bufferedAmount === 0) r(); }),"
                    + "   " + JS_WAIT_MS + ", 'the burst leaving Chromium'); return true;", TIMEOUT);
            Loopback.await(() -> fromParley.channel.bufferedAmount() == 0, "the burst leaving Parley");
            chromium.eval("lib.channels['first'].dc.send('reliable after the burst'); true");
            first.channel.send("reliable after the burst");
            assertEquals("reliable after the burst", first.next().text());
            assertEquals("reliable after the burst", chromiumNext("first").get("text"));
            LOG.info("{}: datagrams dropped during the bursts: {}", role, loss.dropped());
        }
        chromium.evalAsync("lib.channels['c-unreliable'].dc.close();"
                + " return await lib.closed('c-unreliable', " + JS_WAIT_MS + ");", TIMEOUT);
        fromChromium.awaitClosed();
        fromParley.channel.close();
        fromParley.awaitClosed();
        chromium.evalAsync("return await lib.closed('p-unreliable', " + JS_WAIT_MS + ");", TIMEOUT);

        int atParley = fromChromium.messages.size();
        long distinctAtParley = fromChromium.messages.stream().map(RTCDataChannelMessage::text).distinct().count();
        int atChromium = ((Number) chromium.eval("lib.channels['p-unreliable'].messages.length")).intValue();
        int distinctAtChromium = ((Number) chromium.eval(
                "new Set(lib.channels['p-unreliable'].messages).size")).intValue();
        LOG.info("{}: unreliable messages delivered with 25% loss: Chromium → Parley {}/{},"
                + " Parley → Chromium {}/{}", role, atParley, count, atChromium, count);
        // With a quarter of ~200 datagrams dropped each way, some messages are lost for good
        // (maxRetransmits 0: never sent twice) and the rest arrive, each once.
        assertTrue(atParley > 0 && atParley < count, "some, not all, of Chromium's arrive: " + atParley);
        assertTrue(atChromium > 0 && atChromium < count, "some, not all, of Parley's arrive: " + atChromium);
        assertEquals(atParley, distinctAtParley, "none twice at Parley");
        assertEquals(atChromium, distinctAtChromium, "none twice at Chromium");
        textAndBinaryBothWays(first, "first");
        awaitConnectedAgain();
    }

    @Test
    void chromiumClosesItsPeerConnection_parleysChannelsClose() throws Exception {
        connectDataOnly(Role.PARLEY_OFFERS, RTCDataChannelInit.DEFAULT);
        ChannelEvents first = parleyChannel("first");
        first.awaitOpen();
        chromiumOpened("first");
        chromium.eval("lib.create('second')");
        ChannelEvents second = parleyChannel("second");
        second.awaitOpen();

        chromium.eval("pc.close(); true");
        first.awaitClosed();
        second.awaitClosed();
        assertEquals(RTCDataChannelState.CLOSED, first.channel.readyState());
        assertEquals(RTCSctpTransportState.CLOSED, parley.sctp().orElseThrow().state());
        LOG.info("Parley's channel events after Chromium's pc.close(): {} / errors {}", first.order, first.errors);
    }

    @Test
    @SuppressWarnings("unchecked")
    void parleyClosesItsPeerConnection_chromiumsChannelsClose() throws Exception {
        connectDataOnly(Role.CHROMIUM_OFFERS, RTCDataChannelInit.DEFAULT);
        parleyChannel("first").awaitOpen();
        chromiumOpened("first");
        parleyCreate("second", RTCDataChannelInit.DEFAULT).awaitOpen();
        chromiumOpened("second");

        parley.close();
        List<String> firstEvents = (List<String>) chromium.evalAsync(
                "return await lib.closed('first', " + JS_WAIT_MS + ");", TIMEOUT);
        List<String> secondEvents = (List<String>) chromium.evalAsync(
                "return await lib.closed('second', " + JS_WAIT_MS + ");", TIMEOUT);
        assertEquals("close", last(firstEvents));
        assertEquals("close", last(secondEvents));
        LOG.info("Chromium's channel events after Parley's close(): {}", firstEvents);
    }

    @Test
    void chromiumFullOffer_audioVideoData_answeredByParley_connectsAndItsChannelWorks() throws Exception {
        String offer = (String) chromium.evalAsync(
                "const media = await navigator.mediaDevices.getUserMedia({audio: true, video: true});\n"
                + "media.getTracks().forEach(t => pc.addTrack(t, media));\n"
                + "lib.create('chat');\n"
                + "await pc.setLocalDescription(); await lib.gathered();\n"
                + "return pc.localDescription.sdp;", TIMEOUT);
        parley.setRemoteDescription(RTCSessionDescription.offer(offer)).get(5, TimeUnit.SECONDS);
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String answer = parleyDescription();

        SessionDescription offered = SessionDescription.parse(offer);
        SessionDescription answered = SessionDescription.parse(answer);
        assertEquals(List.of("audio", "video", "application"), offered.media().stream().map(MediaDescription::type).toList());
        assertEquals(offered.media().size(), answered.media().size(), "one answer m-line per offered m-line");
        for (int i = 0; i < answered.media().size(); i++) {
            assertEquals(offered.media().get(i).mid(), answered.media().get(i).mid());
            assertEquals(offered.media().get(i).type(), answered.media().get(i).type());
        }
        MediaDescription data = answered.media().get(2);
        assertTrue(data.port() != 0, "the data m-line is accepted: " + data);
        LOG.info("Parley's answer to Chromium's full offer:\n{}", answer);

        chromium.evalAsync("await pc.setRemoteDescription({type: 'answer', sdp: " + Json.quote(answer) + "});\n"
                + "return await lib.connected();", TIMEOUT);
        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        ChannelEvents chat = parleyChannel("chat");
        chat.awaitOpen();
        assertSameId(chat, chromiumOpened("chat"));
        textAndBinaryBothWays(chat, "chat");
        Map<String, Object> sent = chromiumSendRandom("chat", MAX_MESSAGE, false);
        assertEquals(sent.get("sha256"), sha256(chat.next().data()));
        // Parley answered audio and video too: Chromium's tracks arrive.
        assertNotNull(parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a track event from Chromium's offer");
    }

    // ---- call set-up ------------------------------------------------------------------------------

    private void connectDataOnly(Role role, RTCDataChannelInit parleyFirst) throws Exception {
        connectDataOnly(role, parleyFirst, chromiumInit(parleyFirst));
    }

    /**
     * A call with nothing but a data m-line: the offerer creates a channel labelled "first" (with
     * {@code parleyFirst} or {@code chromiumFirst}, a JavaScript RTCDataChannelInit); a negotiated
     * channel is made on the answerer too, before it answers. Returns once both sides are connected.
     */
    private void connectDataOnly(Role role, RTCDataChannelInit parleyFirst, String chromiumFirst) throws Exception {
        long start = System.nanoTime();
        String offer;
        String answer;
        if (role == Role.PARLEY_OFFERS) {
            parleyCreate("first", parleyFirst);
            parley.setLocalDescription().get(5, TimeUnit.SECONDS);
            offer = parleyDescription();
            answer = (String) chromium.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                    + Json.quote(offer) + "});\n"
                    + (parleyFirst.negotiated() ? "lib.create('first', " + chromiumFirst + ");\n" : "")
                    + "await pc.setLocalDescription(); await lib.gathered();\n"
                    + "return pc.localDescription.sdp;", TIMEOUT);
            parley.setRemoteDescription(RTCSessionDescription.answer(answer)).get(5, TimeUnit.SECONDS);
            chromium.evalAsync("return await lib.connected();", TIMEOUT);
        } else {
            offer = (String) chromium.evalAsync("lib.create('first', " + chromiumFirst + ");\n"
                    + "await pc.setLocalDescription(); await lib.gathered();\n"
                    + "return pc.localDescription.sdp;", TIMEOUT);
            parley.setRemoteDescription(RTCSessionDescription.offer(offer)).get(5, TimeUnit.SECONDS);
            if (parleyFirst.negotiated()) {
                parleyCreate("first", parleyFirst);
            }
            parley.setLocalDescription().get(5, TimeUnit.SECONDS);
            answer = parleyDescription();
            chromium.evalAsync("await pc.setRemoteDescription({type: 'answer', sdp: " + Json.quote(answer) + "});\n"
                    + "return await lib.connected();", TIMEOUT);
        }
        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        for (String sdp : List.of(offer, answer)) {
            List<String> types = SessionDescription.parse(sdp).media().stream().map(MediaDescription::type).toList();
            assertEquals(List.of("application"), types, "a data-only call: " + sdp);
        }
        LOG.info("{}: data-only call connected in {} ms", role, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** After loss, ICE may call the path disconnected while consent checks went unanswered; it comes back. */
    private void awaitConnectedAgain() throws Exception {
        Loopback.await(() -> parley.connectionState() == RTCPeerConnectionState.CONNECTED, "Parley connected again");
        chromium.evalAsync("return await lib.connected();", TIMEOUT);
    }

    private static String chromiumInit(RTCDataChannelInit init) {
        StringBuilder js = new StringBuilder("{ordered: ").append(init.ordered());
        init.maxRetransmits().ifPresent(v -> js.append(", maxRetransmits: ").append(v));
        init.maxPacketLifeTime().ifPresent(v -> js.append(", maxPacketLifeTime: ").append(v));
        js.append(", protocol: ").append(Json.quote(init.protocol()));
        if (init.negotiated()) {
            js.append(", negotiated: true, id: ").append(init.id().orElseThrow());
        }
        return js.append('}').toString();
    }

    /** Parley's complete description (candidates included) once gathering finished. */
    private String parleyDescription() throws Exception {
        parleyGathered.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return parley.localDescription().sdp();
    }

    // ---- channels on either side --------------------------------------------------------------------

    private ChannelEvents parleyCreate(String label, RTCDataChannelInit init) {
        ChannelEvents events = ChannelEvents.on(parley.createDataChannel(label, init));
        parleyChannels.put(label, events);
        return events;
    }

    /** Parley's channel with this label: created here, or awaited from its datachannel event. */
    private ChannelEvents parleyChannel(String label) throws Exception {
        ChannelEvents created = parleyChannels.get(label);
        if (created != null) {
            return created;
        }
        return announcedAtParley.computeIfAbsent(label, l -> new CompletableFuture<>())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private List<String> parleyAnnouncedLabels() {
        return announcedAtParley.keySet().stream().sorted().toList();
    }

    /** Waits until Chromium's channel with this label is open; returns its properties. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chromiumOpened(String label) throws Exception {
        Map<String, Object> props = (Map<String, Object>) chromium.evalAsync(
                "return await lib.opened(" + Json.quote(label) + ", " + JS_WAIT_MS + ");", TIMEOUT);
        LOG.debug("Chromium's channel {}: {}", label, props);
        return props;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chromiumNext(String label) throws Exception {
        return (Map<String, Object>) chromium.evalAsync(
                "return await lib.nextDescribed(" + Json.quote(label) + ", " + JS_WAIT_MS + ");", TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chromiumSendRandom(String label, int bytes, boolean text) throws Exception {
        return (Map<String, Object>) chromium.evalAsync(
                "return await lib.sendRandom(" + Json.quote(label) + ", " + bytes + ", " + text + ");", TIMEOUT);
    }

    /** RFC 8831 §6.6: empty messages go as PPID 56/57 with one byte; each side sees them empty. */
    private void emptyMessagesBothWays(ChannelEvents parleySide, String label) throws Exception {
        parleySide.channel.send("");
        parleySide.channel.send(new byte[0]);
        for (boolean binary : new boolean[] {false, true}) {
            Map<String, Object> got = chromiumNext(label);
            assertEquals(binary, got.get("binary"), "an empty " + (binary ? "binary" : "text") + " message");
            assertEquals(0, ((Number) got.get("size")).intValue());
        }
        chromium.eval("lib.channels[" + Json.quote(label) + "].dc.send('');"
                + " lib.channels[" + Json.quote(label) + "].dc.send(new ArrayBuffer(0)); true");
        RTCDataChannelMessage text = parleySide.next();
        assertFalse(text.isBinary());
        assertEquals("", text.text());
        RTCDataChannelMessage binary = parleySide.next();
        assertTrue(binary.isBinary());
        assertEquals(0, binary.size());
    }

    /** Small text and binary both ways on one channel, content checked exactly. */
    private void textAndBinaryBothWays(ChannelEvents parleySide, String label) throws Exception {
        String text = "héllo ✓ from Parley on " + label;
        parleySide.channel.send(text);
        assertEquals(Map.of("binary", false, "text", text), subset(chromiumNext(label), "binary", "text"),
                "text Parley → Chromium on " + label);
        byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0x80, 42};
        parleySide.channel.send(bytes);
        Map<String, Object> got = chromiumNext(label);
        assertEquals(true, got.get("binary"), "binary Parley → Chromium on " + label);
        assertEquals(List.of(0, 1, 2, 255, 128, 42),
                ((List<?>) got.get("bytes")).stream().map(n -> ((Number) n).intValue()).toList());

        chromium.eval("lib.channels[" + Json.quote(label) + "].dc.send('grüße ✓ from Chromium on ' + "
                + Json.quote(label) + "); lib.channels[" + Json.quote(label) + "].dc.send(new Uint8Array([9, 8, 7, 0, 255]));"
                + " true");
        RTCDataChannelMessage t = parleySide.next();
        assertFalse(t.isBinary(), "text Chromium → Parley on " + label);
        assertEquals("grüße ✓ from Chromium on " + label, t.text());
        RTCDataChannelMessage b = parleySide.next();
        assertTrue(b.isBinary(), "binary Chromium → Parley on " + label);
        assertArrayEquals(new byte[] {9, 8, 7, 0, (byte) 255}, b.data());
    }

    private static void assertSameId(ChannelEvents parleySide, Map<String, Object> chromiumSide) {
        assertEquals(((Number) chromiumSide.get("id")).intValue(), parleySide.channel.id().orElseThrow(),
                "both ends name the stream alike");
    }

    /** RFC 8832 §6: the DTLS client uses even stream ids, the server odd ones, for channels it announces. */
    private void assertIdFollowsDtlsRole(RTCDataChannel channel) throws Exception {
        Object chromiumRole = chromium.evalAsync("let r; (await pc.getStats()).forEach(s => { if (s.type === 'transport')"
                + " r = s.dtlsRole; }); return r;", TIMEOUT);
        boolean madeByChromium = announcedAtParley.containsKey(channel.label());
        boolean creatorIsClient = madeByChromium == "client".equals(chromiumRole);
        assertEquals(creatorIsClient ? 0 : 1, channel.id().orElseThrow() % 2, "stream id of " + channel.label()
                + " made by " + (madeByChromium ? "Chromium" : "Parley") + ", Chromium being DTLS " + chromiumRole);
    }

    /**
     * Both engines count the same traffic (W3C RTCDataChannelStats): what Parley sent on each open
     * channel Chromium received, message for message and byte for byte, and the other way round.
     * Chromium's stats trail its events a little (they are gathered on another thread), so they
     * are read again until they agree or 5 s pass.
     */
    @SuppressWarnings("unchecked")
    private void assertDataChannelStatsAgree() throws Exception {
        Map<String, Map<String, Long>> expected = new java.util.TreeMap<>();
        for (RTCStats dc : parley.getStats().get(5, TimeUnit.SECONDS).ofType("data-channel")) {
            if (dc.getString("state").orElse("").equals("open")) {
                expected.put(dc.getString("label").orElseThrow(), Map.of(
                        "messagesSent", dc.getLong("messagesReceived"), "bytesSent", dc.getLong("bytesReceived"),
                        "messagesReceived", dc.getLong("messagesSent"), "bytesReceived", dc.getLong("bytesSent")));
            }
        }
        Map<String, Object> got = (Map<String, Object>) chromium.evalAsync(
                "const expected = " + Json.write(expected) + ";\n"
                + "const deadline = performance.now() + 5000;\n"
                + "while (true) {\n"
                + "  const got = {};\n"
                + "  (await pc.getStats()).forEach(s => { if (s.type === 'data-channel' && s.label in expected)\n"
                + "    got[s.label] = {messagesSent: s.messagesSent, bytesSent: s.bytesSent,\n"
                + "      messagesReceived: s.messagesReceived, bytesReceived: s.bytesReceived}; });\n"
                + "  if (JSON.stringify(Object.keys(expected).map(l => got[l] && Object.keys(expected[l]).map(k => got[l][k])))\n"
                + "      === JSON.stringify(Object.keys(expected).map(l => Object.keys(expected[l]).map(k => expected[l][k])))\n"
                + "      || performance.now() > deadline) return got;\n"
                + "  await new Promise(r => setTimeout(r, 100));\n"
                + "}", TIMEOUT);
        LOG.info("data-channel stats, Chromium's side as Parley's implies: {}", expected);
        for (Map.Entry<String, Map<String, Long>> e : expected.entrySet()) {
            Map<String, Object> chromiumSide = (Map<String, Object>) got.get(e.getKey());
            assertNotNull(chromiumSide, "Chromium has stats for " + e.getKey() + ": " + got);
            for (Map.Entry<String, Long> member : e.getValue().entrySet()) {
                assertEquals(member.getValue().longValue(), ((Number) chromiumSide.get(member.getKey())).longValue(),
                        e.getKey() + " " + member.getKey() + " at Chromium, against Parley's stats: " + got);
            }
        }
    }

    // ---- small helpers --------------------------------------------------------------------------------

    private static Map<String, Object> subset(Map<String, Object> map, String... keys) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (String k : keys) {
            out.put(k, map.get(k));
        }
        return out;
    }

    private static String last(List<String> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }

    static String sha256(byte[] bytes) throws Exception {
        return Hex.string(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Random text of exactly {@code bytes} UTF-8 bytes: two-byte letters, then ASCII. */
    static String randomText(int bytes, Random random) {
        StringBuilder s = new StringBuilder(bytes);
        int twoByte = bytes / 8;
        for (int i = 0; i < twoByte; i++) {
            s.append((char) (0xE0 + random.nextInt(32)));
        }
        for (int i = 2 * twoByte; i < bytes; i++) {
            s.append((char) (32 + random.nextInt(95)));
        }
        return s.toString();
    }
}
