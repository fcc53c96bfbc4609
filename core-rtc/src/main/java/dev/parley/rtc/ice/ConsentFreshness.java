package dev.parley.rtc.ice;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.stun.RetransmissionSchedule;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Consent freshness on the selected pair (RFC 7675): a Binding request every
 * {@link IceSettings#consentInterval()} (randomised ±20 %, §5.1); each authenticated answer renews
 * consent. With no answer for {@link IceSettings#disconnectedTimeout()} the state is
 * {@code disconnected} (an answer brings it back to {@code connected}); after
 * {@link IceSettings#failedTimeout()} consent is lost: {@code failed}, and nothing more is sent.
 * The checks also keep NAT bindings open, which is why the agent sends no other keepalive.
 */
final class ConsentFreshness {
    private final IceAgent agent;
    private final SecureRandom random;
    private CandidatePair pair;
    private IceCredentials localCredentials;
    private IceCredentials remoteCredentials;
    private SerialExecutor.Cancellable nextCheck;
    private SerialExecutor.Cancellable disconnectDeadline;
    private SerialExecutor.Cancellable failDeadline;

    ConsentFreshness(IceAgent agent, SecureRandom random) {
        this.agent = agent;
        this.random = random;
    }

    /**
     * Starts watching a newly selected pair; its successful check counts as fresh consent. The
     * credentials are the pair's session's: they stay in use through a later ICE restart.
     */
    void watch(CandidatePair selected, IceCredentials local, IceCredentials remote) {
        stop();
        pair = selected;
        localCredentials = local;
        remoteCredentials = remote;
        renewed();
        scheduleCheck();
    }

    void stop() {
        cancel(nextCheck);
        cancel(disconnectDeadline);
        cancel(failDeadline);
        nextCheck = disconnectDeadline = failDeadline = null;
        pair = null;
    }

    private void scheduleCheck() {
        long interval = agent.settings().consentInterval().toNanos();
        long jittered = (long) (interval * (0.8 + 0.4 * random.nextDouble()));
        nextCheck = agent.executor().schedule(this::sendCheck, jittered, TimeUnit.NANOSECONDS);
    }

    private void sendCheck() {
        CandidatePair watched = pair;
        if (watched == null || agent.closed()) {
            return;
        }
        // One send per check: the next check, not a retransmission, covers a lost one.
        Duration wait = agent.settings().consentInterval();
        RetransmissionSchedule once = new RetransmissionSchedule(wait, wait, 1, 1, wait);
        agent.checks().check(watched, false, once, localCredentials, remoteCredentials).whenComplete((response, failure) -> {
            if (pair == watched && failure == null && response.isSuccess()) {
                renewed();
            }
        });
        scheduleCheck();
    }

    private void renewed() {
        cancel(disconnectDeadline);
        cancel(failDeadline);
        SerialExecutor executor = agent.executor();
        disconnectDeadline = executor.schedule(() -> agent.setConnectionState(RTCIceConnectionState.DISCONNECTED),
                agent.settings().disconnectedTimeout().toNanos(), TimeUnit.NANOSECONDS);
        failDeadline = executor.schedule(() -> {
            stop();
            agent.consentLost();
        }, agent.settings().failedTimeout().toNanos(), TimeUnit.NANOSECONDS);
        if (agent.connectionState() == RTCIceConnectionState.DISCONNECTED) {
            agent.setConnectionState(RTCIceConnectionState.CONNECTED);
        }
    }

    private static void cancel(SerialExecutor.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }
}
