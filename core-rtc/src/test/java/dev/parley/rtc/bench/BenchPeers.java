package dev.parley.rtc.bench;

import dev.parley.rtc.RTCIceCandidate;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.testutil.ChromiumPeer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What the peer-connection benchmarks share: where Parley gathers, how candidates travel, page scripts. */
final class BenchPeers {
    private BenchPeers() {}

    /** ICE that gathers host UDP candidates on {@code ip} only (one side of a test namespace's veth link). */
    static IceSettings iceOn(String ip) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(ip);
        return IceSettings.DEFAULTS.toBuilder().addressFilter(a -> a.address().equals(address))
                .includeIpv6(false).gatherTcp(false).build();
    }

    /**
     * Trickles {@code pc}'s candidates to {@code peer} once the peer has a remote description (as an
     * application's signalling does: W3C refuses candidates before it).
     */
    static void trickle(RTCPeerConnection pc, RTCPeerConnection peer, CompletableFuture<Void> peerReady) {
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                if (candidate != null) {
                    peerReady.thenRun(() -> peer.addIceCandidate(candidate));
                }
            }
        });
    }

    /**
     * One offer/answer exchange between two Parley peer connections in this JVM, candidates
     * trickled both ways as they come; returns {@link System#nanoTime} just before
     * {@code createOffer}. Connection and channel events are the caller's to wait for.
     */
    static long negotiate(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        CompletableFuture<Void> offererHasAnswer = new CompletableFuture<>();
        CompletableFuture<Void> answererHasOffer = new CompletableFuture<>();
        trickle(offerer, answerer, answererHasOffer);
        trickle(answerer, offerer, offererHasAnswer);
        long start = System.nanoTime();
        var offer = offerer.createOffer().get(10, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(10, TimeUnit.SECONDS);
        answererHasOffer.complete(null);
        var answer = answerer.createAnswer().get(10, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
        offererHasAnswer.complete(null);
        return start;
    }

    /**
     * Without trickle: {@code pc}'s local description once gathering has finished, so it carries
     * every candidate. Call before {@code setLocalDescription} and {@code join} the result after.
     */
    static CompletableFuture<String> completeDescription(RTCPeerConnection pc) {
        CompletableFuture<String> sdp = new CompletableFuture<>();
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                if (candidate == null) {
                    sdp.complete(pc.localDescription().sdp());
                }
            }
        });
        return sdp;
    }

    static String await(CompletableFuture<String> sdp) throws Exception {
        return sdp.get(20, TimeUnit.SECONDS);
    }

    /** Evaluates a script from the test class path (an absolute resource name) in Chromium's page. */
    static void loadScript(ChromiumPeer chromium, String resource) throws IOException, InterruptedException {
        try (InputStream in = BenchPeers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " on the test class path");
            }
            chromium.eval(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
