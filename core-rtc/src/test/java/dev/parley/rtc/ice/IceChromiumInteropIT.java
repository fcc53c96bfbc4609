package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.sdp.Connection;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.sdp.Group;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.MediaLine;
import dev.parley.rtc.sdp.Origin;
import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.sdp.Setup;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.ChromiumScripts;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.ChromiumInNamespace;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our ICE agent against Chromium's, over a real veth link: Chromium runs in a network namespace
 * the test creates (it gathers nothing on loopback), our agent gathers only on the host side of
 * the link. There is no DTLS on our side yet, so the descriptions carry a made-up fingerprint:
 * Chromium's DTLS never completes, which these tests do not look at — ICE states are independent
 * of it ({@code iceConnectionState}, not {@code connectionState}).
 *
 * <pre>
 *   our IceAgent  10.213.60.1 ── veth ── 10.213.60.2  Chromium (ip netns exec …)
 * </pre>
 */
class IceChromiumInteropIT {
    private static final Logger LOG = LoggerFactory.getLogger(IceChromiumInteropIT.class);
    /** An unusual private /24 that no other test uses, so a leftover namespace cannot collide. */
    private static final String HOST_IP = "10.213.60.1";
    private static final String NS_IP = "10.213.60.2";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static ChromiumInNamespace browser;
    private static ChromiumPeer chromium;

    private final SecureRandom random = new SecureRandom();
    private RealNet net;
    private SerialExecutor parleyExecutor;
    private AgentPeer parley;

    @BeforeAll
    static void namespaceAndChromium() throws Exception {
        browser = ChromiumInNamespace.start(HOST_IP, NS_IP);
        chromium = browser.chromium();
    }

    @AfterAll
    static void stopChromiumAndNamespace() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void ourAgent() throws Exception {
        net = new RealNet();
        chromium.eval("window.pc && window.pc.close(); window.pc = undefined; true");
    }

    @AfterEach
    void closeOurAgent() {
        if (parley != null) {
            parley.agent.close();
        }
        net.close();
    }

    /** Our agent, gathering UDP host candidates on the veth address only (the network rule). */
    private AgentPeer startParley(boolean controlling) throws Exception {
        InetAddress host = InetAddress.getByName(HOST_IP);
        IceSettings settings = IceSettings.DEFAULTS.toBuilder()
                .addressFilter(a -> a.address().equals(host))
                .includeIpv6(false)
                .gatherTcp(false)
                .build();
        parleyExecutor = net.newSerialExecutor("parley-ice");
        parley = new AgentPeer("parley", net, parleyExecutor, settings, controlling, List.of(),
                RTCIceTransportPolicy.ALL, random);
        parley.agent.gather();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (parley.gathering != RTCIceGatheringState.COMPLETE) {
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, "our agent finishes gathering: " + parley.localCandidates);
            parley.gatheringChanged.poll(left, TimeUnit.NANOSECONDS);
        }
        assertFalse(parley.localCandidates.isEmpty(), "our agent has a candidate on " + HOST_IP);
        return parley;
    }

    /**
     * Our side's description: one data section, as a browser writes it, with our credentials and
     * candidates. The fingerprint is random bytes — nothing checks it until DTLS, which we lack.
     */
    private SessionDescription ourDescription(String mid, Setup setup) {
        IceCredentials creds = parley.agent.localCredentials();
        byte[] fakeFingerprint = new byte[32];
        random.nextBytes(fakeFingerprint);
        MediaDescription.Builder data = MediaDescription.builder(
                        new MediaLine("application", 9, "UDP/DTLS/SCTP", List.of("webrtc-datachannel")))
                .connection(Connection.ip4("0.0.0.0"))
                .attribute("ice-ufrag", creds.ufrag())
                .attribute("ice-pwd", creds.password())
                .attribute(new Fingerprint("sha-256", fakeFingerprint))
                .attribute(setup)
                .attribute("mid", mid)
                .attribute("sctp-port", "5000")
                .attribute("max-message-size", "262144");
        for (IceCandidate c : parley.localCandidates) {
            data.attribute(SdpCandidates.toSdp(c, creds.ufrag()).toAttribute());
        }
        data.flag("end-of-candidates");
        String sessionId = Long.toString(random.nextLong() & Long.MAX_VALUE);
        return SessionDescription.builder(new Origin("-", sessionId, 2, "IN", "IP4", "127.0.0.1"))
                .attribute(Group.bundle(List.of(mid)))
                .media(data.build())
                .build();
    }

    /**
     * Gives Chromium's credentials and candidates from its description to our agent. Candidates our
     * agent cannot use are logged and skipped, as a browser skips them; the test then insists on
     * the one it needs, the UDP host candidate on the namespace address.
     */
    private IceCandidate feedChromiumDescription(SessionDescription sdp) {
        MediaDescription data = sdp.media().get(0);
        String ufrag = data.iceUfrag().or(sdp::iceUfrag).orElseThrow(() -> new AssertionError("no ice-ufrag"));
        String pwd = data.icePwd().or(sdp::icePwd).orElseThrow(() -> new AssertionError("no ice-pwd"));
        parley.agent.setRemoteCredentials(new IceCredentials(ufrag, pwd));
        IceCandidate hostOnLink = null;
        for (dev.parley.rtc.sdp.Candidate c : data.candidates()) {
            IceCandidate candidate;
            try {
                candidate = SdpCandidates.fromSdp(c);
            } catch (IllegalArgumentException e) {
                LOG.info("skipping Chromium candidate {}: {}", c, e.getMessage());
                continue;
            }
            parley.agent.addRemoteCandidate(candidate);
            if (candidate.type() == CandidateType.HOST && candidate.protocol() == TransportProtocol.UDP
                    && candidate.address().getAddress().getHostAddress().equals(NS_IP)) {
                hostOnLink = candidate;
            }
        }
        parley.agent.endOfRemoteCandidates(); // we read the description after gathering completed
        assertNotNull(hostOnLink, "Chromium signals a UDP host candidate on " + NS_IP + ":\n" + sdp.write());
        return hostOnLink;
    }

    /**
     * Installs, before the remote description is set, a promise that resolves with
     * {@code performance.now()} when {@code iceConnectionState} reaches connected (or completed),
     * and rejects on failed: an event, so nothing polls.
     */
    private static final String WATCH_ICE = "window.t = {};\n"
            + "t.connected = new Promise((resolve, reject) => {\n"
            + "  pc.addEventListener('iceconnectionstatechange', () => {\n"
            + "    const s = pc.iceConnectionState;\n"
            + "    if (s === 'connected' || s === 'completed') resolve(performance.now());\n"
            + "    else if (s === 'failed') reject(new Error('Chromium ICE failed'));\n"
            + "  });\n"
            + "});\n"
            + "t.connected.catch(() => {});\n";

    /** Milliseconds from {@code t.srdAt} to Chromium's ICE connected, waiting at most {@link #CONNECT_TIMEOUT}. */
    private static double awaitChromiumConnected() throws Exception {
        Object ms = chromium.evalAsync("const at = await Promise.race([t.connected, new Promise((_, reject) =>"
                + " setTimeout(() => reject(new Error('iceConnectionState still ' + pc.iceConnectionState)), "
                + CONNECT_TIMEOUT.toMillis() + "))]);\n"
                + "return at - t.srdAt;", CONNECT_TIMEOUT.plusSeconds(5));
        return ((Number) ms).doubleValue();
    }

    /**
     * Chromium's own view from {@code getStats()}: waits (in the page, with a deadline) for a
     * candidate pair that succeeded and is nominated, and returns it with its candidates' addresses.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitChromiumNominatedPair() throws Exception {
        Map<String, Object> found = (Map<String, Object>) chromium.evalAsync(
                "const deadline = performance.now() + 5000;\n"
                + "while (true) {\n"
                + "  const stats = await pc.getStats();\n"
                + "  const pairs = [];\n"
                + "  stats.forEach(s => {\n"
                + "    if (s.type !== 'candidate-pair') return;\n"
                + "    const l = stats.get(s.localCandidateId), r = stats.get(s.remoteCandidateId);\n"
                + "    pairs.push({state: s.state, nominated: !!s.nominated,\n"
                + "      local: l.address + ':' + l.port, remote: r.address + ':' + r.port,\n"
                + "      remoteType: r.candidateType, protocol: l.protocol,\n"
                + "      requestsSent: s.requestsSent, responsesReceived: s.responsesReceived,\n"
                + "      requestsReceived: s.requestsReceived, responsesSent: s.responsesSent});\n"
                + "  });\n"
                + "  const hit = pairs.find(p => p.state === 'succeeded' && p.nominated);\n"
                + "  if (hit || performance.now() > deadline) return {hit: hit || null, pairs};\n"
                + "  await new Promise(r => setTimeout(r, 50));\n"
                + "}", Duration.ofSeconds(10));
        LOG.info("Chromium's candidate pairs: {}", Json.write(found.get("pairs")));
        assertNotNull(found.get("hit"), "Chromium's getStats has a succeeded, nominated candidate-pair: "
                + Json.write(found.get("pairs")));
        return (Map<String, Object>) found.get("hit");
    }

    /** Both sides agree on the path: our local candidate is Chromium's remote one and the other way round. */
    private void assertSamePath(CandidatePair ours, IceCandidate chromiumHost, Map<String, Object> chromiumPair) {
        IceCounters c = parley.agent.counters();
        LOG.info("our agent: badIntegrity {} badUsername {} roleConflicts {} unmatchedResponses {} unknownSources {}",
                c.badIntegrity(), c.badUsername(), c.roleConflicts(), c.unmatchedResponses(),
                c.packetsFromUnknownSources());
        assertEquals(chromiumHost.address(), ours.remote().address(),
                "our selected pair's remote is Chromium's host candidate on the namespace address: " + ours);
        assertEquals(HOST_IP + ":" + ours.local().address().getPort(), chromiumPair.get("remote"),
                "Chromium's nominated pair ends at our candidate: " + chromiumPair);
        assertEquals(NS_IP + ":" + chromiumHost.address().getPort(), chromiumPair.get("local"),
                "Chromium's nominated pair starts at its host candidate: " + chromiumPair);
        assertEquals("host", chromiumPair.get("remoteType"), "Chromium knows our candidate from the SDP");
    }

    @Test
    void chromiumOffersParleyAnswers_iceConnectsWithChromiumNominating() throws Exception {
        String offerSdp = (String) chromium.evalAsync("window.pc = new RTCPeerConnection();\n"
                + "pc.createDataChannel('x');\n"
                + "await pc.setLocalDescription(await pc.createOffer());\n"
                + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;");
        SessionDescription offer = SessionDescription.parse(offerSdp);
        MediaDescription offered = offer.media().get(0);
        assertEquals("UDP/DTLS/SCTP", offered.protocol());
        String mid = offered.mid().orElseThrow(() -> new AssertionError("offer has no mid"));

        startParley(false); // the answerer is controlled (RFC 8829 §5.1.1)
        IceCandidate chromiumHost = feedChromiumDescription(offer);
        SessionDescription answer = ourDescription(mid, Setup.ACTIVE);
        LOG.info("our answer:\n{}", answer.write());

        // Stamped on the agent's thread as it reports connected, not when this thread wakes up.
        CompletableFuture<Long> parleyConnectedAt = parley.connectedOnce.thenApply(pair -> System.nanoTime());
        chromium.eval(WATCH_ICE + "true");
        long srdStart = System.nanoTime();
        chromium.evalAsync("t.srdAt = performance.now();\n"
                + "await pc.setRemoteDescription({type: 'answer', sdp: " + Json.quote(answer.write()) + "});\n"
                + "return true;");

        double chromiumMs = awaitChromiumConnected();
        CandidatePair ours = parley.connectedOnce.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        double parleyMs = (parleyConnectedAt.get() - srdStart) / 1e6;
        assertNotNull(ours, "our agent reports a selected pair when connected");
        assertTrue(ours.nominated(), "Chromium's USE-CANDIDATE nominated our selected pair: " + ours);
        Map<String, Object> chromiumPair = awaitChromiumNominatedPair();
        assertSamePath(ours, chromiumHost, chromiumPair);
        assertEquals(CandidateType.HOST, ours.remote().type(), "signalled before any check arrived: " + ours);

        System.out.printf("Chromium offers, Parley answers: setRemoteDescription → Chromium ICE connected %.1f ms,"
                + " Parley connected %.1f ms, both %.1f ms; path %s%n",
                chromiumMs, parleyMs, Math.max(chromiumMs, parleyMs), ours);
    }

    /**
     * Our offer into a fresh Chromium peer connection; returns Chromium's answer once its gathering
     * completed, as a non-trickle peer would signal it. Chromium checks our candidates meanwhile, so
     * our agent sees its checks before its answer and learns its address as peer-reflexive first.
     */
    private SessionDescription chromiumAnswers(SessionDescription offer) throws Exception {
        String answerSdp = (String) chromium.evalAsync("window.pc = new RTCPeerConnection();\n"
                + WATCH_ICE
                + "t.srdAt = performance.now();\n"
                + "await pc.setRemoteDescription({type: 'offer', sdp: " + Json.quote(offer.write()) + "});\n"
                + "await pc.setLocalDescription(await pc.createAnswer());\n"
                + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;");
        SessionDescription answer = SessionDescription.parse(answerSdp);
        assertEquals(Setup.ACTIVE, answer.media().get(0).setup().or(answer::setup).orElse(null),
                "Chromium answers actpass with active (it becomes the DTLS client)");
        return answer;
    }

    @Test
    void parleyOffersChromiumAnswers_iceConnectsWithParleyNominating() throws Exception {
        startParley(true); // the offerer is controlling
        SessionDescription offer = ourDescription("0", Setup.ACTPASS);
        LOG.info("our offer:\n{}", offer.write());

        // Stamped on the agent's thread as it reports connected, not when this thread wakes up.
        CompletableFuture<Long> parleyConnectedAt = parley.connectedOnce.thenApply(pair -> System.nanoTime());
        long srdStart = System.nanoTime();
        SessionDescription answer = chromiumAnswers(offer);
        long answerAt = System.nanoTime();
        IceCandidate chromiumHost = feedChromiumDescription(answer);

        double chromiumMs = awaitChromiumConnected();
        CandidatePair ours = parley.connectedOnce.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        double parleyMs = (parleyConnectedAt.get() - srdStart) / 1e6;
        assertNotNull(ours, "our agent reports a selected pair when connected");
        assertTrue(ours.nominated(), "our agent nominated its selected pair: " + ours);
        Map<String, Object> chromiumPair = awaitChromiumNominatedPair(); // our USE-CANDIDATE, as Chromium saw it
        assertSamePath(ours, chromiumHost, chromiumPair);
        // The remote's type here is prflx, not host: see the test below.

        // Chromium, the DTLS client, sends its ClientHello right after ICE succeeds: it must reach us
        // through the agent's onPacket (RFC 7983: first byte 20..63 is DTLS), proving the path carries data.
        byte[] first = parley.packets.poll(5, TimeUnit.SECONDS);
        assertNotNull(first, "Chromium's DTLS ClientHello arrives on the selected pair");
        assertTrue(first[0] >= 20 && first[0] <= 63, "a DTLS record, content type " + first[0]);

        System.out.printf("Parley offers, Chromium answers: setRemoteDescription(offer) → Chromium ICE connected"
                + " %.1f ms, Parley connected %.1f ms (answer with gathered candidates after %.1f ms),"
                + " both %.1f ms; path %s%n",
                chromiumMs, parleyMs, (answerAt - srdStart) / 1e6, Math.max(chromiumMs, parleyMs), ours);
    }

    /**
     * When a check from the peer arrives before its description, the agent learns the peer's
     * address as peer-reflexive (RFC 8445 §7.3.1.3). When the description then signals a host
     * candidate at that same address, the signalled candidate should take its place — its type,
     * foundation and priority — as libwebrtc does (its Connection::MaybeUpdatePeerReflexiveCandidate),
     * so stats and the selected pair say "host". With Chromium as answerer this is the common case.
     */
    @Test
    void parleyOffersChromiumAnswers_signalledHostCandidateReplacesPeerReflexive() throws Exception {
        startParley(true);
        SessionDescription answer = chromiumAnswers(ourDescription("0", Setup.ACTPASS));
        // Precondition, waited for with a deadline: Chromium's check reached us before its answer did.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!hasPeerReflexiveRemote()) {
            assertTrue(System.nanoTime() < deadline, "Chromium's first check reaches our agent");
            Thread.sleep(20); // no listener reports learned candidates: poll the check list, with a deadline
        }
        IceCandidate chromiumHost = feedChromiumDescription(answer);
        CandidatePair ours = parley.connectedOnce.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(chromiumHost.address(), ours.remote().address());
        // Chromium's checks arrive before its answer, so the agent first learns it as prflx; the
        // signalled host candidate must then take over the pair's type, foundation and priority.
        assertEquals(CandidateType.HOST, ours.remote().type(),
                "the signalled host candidate replaces the peer-reflexive one: " + ours);
        assertEquals(chromiumHost.priority(), ours.remote().priority(), "the signalled priority: " + ours);
    }

    /** Whether the check list has a pair to a peer-reflexive candidate at Chromium's address, read on the agent's executor. */
    private boolean hasPeerReflexiveRemote() throws Exception {
        CompletableFuture<Boolean> found = new CompletableFuture<>();
        parleyExecutor.execute(() -> found.complete(parley.agent.pairs().stream()
                .anyMatch(p -> p.remote().type() == CandidateType.PEER_REFLEXIVE
                        && p.remote().address().getAddress().getHostAddress().equals(NS_IP))));
        return found.get(5, TimeUnit.SECONDS);
    }
}
