package dev.parley.rtc.bench;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.ice.CandidatePair;
import dev.parley.rtc.ice.IceAgent;
import dev.parley.rtc.ice.IceAgentListener;
import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.ice.IceCredentials;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.net.RealNet;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue #3's ICE benchmark: two agents on loopback (real UDP sockets), from the start of
 * gathering to both agents having selected the nominated pair. Candidates and credentials are
 * passed directly, as instant signalling would. Target: median ≤ 10 ms.
 */
public final class IceConnectBenchmark {
    private static final int WARMUP = 30;
    private static final int RUNS = 40;

    private IceConnectBenchmark() {}

    public static void main(String[] args) throws Exception {
        SecureRandom random = new SecureRandom();
        try (RealNet net = new RealNet()) {
            for (int i = 0; i < WARMUP; i++) {
                connectOnce(net, random);
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                millis[i] = connectOnce(net, random);
            }
            double median = BenchReport.median(millis);
            String notes = String.format(Locale.ROOT,
                    "two IceAgents on 127.0.0.1, gather() to both selected; min %.2f, p90 %.2f, max %.2f ms; %d warm-up runs",
                    millis[0], BenchReport.percentile(millis, 90), millis[RUNS - 1], WARMUP);
            new BenchReport("ice-connect-loopback", "ms", "lower", median, null, 10.0, RUNS, notes).publish();
        }
    }

    private static double connectOnce(RealNet net, SecureRandom random) throws Exception {
        IceSettings settings = IceSettings.DEFAULTS.loopbackOnly().withIncludeIpv6(false);
        AtomicReference<IceAgent> aliceRef = new AtomicReference<>();
        AtomicReference<IceAgent> bobRef = new AtomicReference<>();
        CompletableFuture<CandidatePair> aliceSelected = new CompletableFuture<>();
        CompletableFuture<CandidatePair> bobSelected = new CompletableFuture<>();
        IceAgent alice = new IceAgent(net, net.newSerialExecutor("alice"), settings, IceCredentials.random(random), true,
                List.of(), RTCIceTransportPolicy.ALL, listener(bobRef, aliceSelected), random);
        IceAgent bob = new IceAgent(net, net.newSerialExecutor("bob"), settings, IceCredentials.random(random), false,
                List.of(), RTCIceTransportPolicy.ALL, listener(aliceRef, bobSelected), random);
        aliceRef.set(alice);
        bobRef.set(bob);
        alice.setRemoteCredentials(bob.localCredentials());
        bob.setRemoteCredentials(alice.localCredentials());

        long start = System.nanoTime();
        alice.gather();
        bob.gather();
        aliceSelected.get(10, TimeUnit.SECONDS);
        bobSelected.get(10, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        alice.close();
        bob.close();
        return elapsed / 1e6;
    }

    private static IceAgentListener listener(AtomicReference<IceAgent> peer, CompletableFuture<CandidatePair> selected) {
        return new IceAgentListener() {
            @Override
            public void onLocalCandidate(IceCandidate candidate) {
                peer.get().addRemoteCandidate(candidate);
            }

            @Override
            public void onSelectedPairChange(CandidatePair pair) {
                selected.complete(pair);
            }

            @Override
            public void onConnectionStateChange(RTCIceConnectionState state) {
                if (state == RTCIceConnectionState.FAILED) {
                    selected.completeExceptionally(new IllegalStateException("ICE failed"));
                }
            }
        };
    }
}
