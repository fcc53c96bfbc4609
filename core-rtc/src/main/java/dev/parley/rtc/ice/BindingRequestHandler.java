package dev.parley.rtc.ice;

import dev.parley.rtc.stun.ErrorCode;
import dev.parley.rtc.stun.Fingerprint;
import dev.parley.rtc.stun.IceControlled;
import dev.parley.rtc.stun.IceControlling;
import dev.parley.rtc.stun.Priority;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunCredentials;
import dev.parley.rtc.stun.StunIntegrity;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.UnknownAttributes;
import dev.parley.rtc.stun.UseCandidate;
import dev.parley.rtc.stun.Username;
import dev.parley.rtc.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Answers the peer's connectivity checks (RFC 8445 §7.3): authenticates them, resolves role
 * conflicts, learns peer-reflexive candidates, answers with the mapped address, and triggers a
 * check of the same pair. Checks that fail FINGERPRINT, USERNAME or MESSAGE-INTEGRITY are dropped
 * and counted: answering forged checks would only help an attacker probe us.
 */
final class BindingRequestHandler {
    private final IceAgent agent;

    BindingRequestHandler(IceAgent agent) {
        this.agent = agent;
    }

    /**
     * Handles one request that arrived on {@code local} from {@code from}. Returns whether it was
     * an authenticated Binding request (answered, whatever the answer): ICE-TCP needs to know, as
     * it closes connections that send anything else (see {@link TcpCheckConnections}).
     */
    boolean onRequest(LocalCandidate local, StunMessage request, byte[] raw, InetSocketAddress from) {
        if (!request.method().equals(StunMethod.BINDING)) {
            agent.counters().malformedStun++;
            return false;
        }
        // RFC 8445 §7.3 and RFC 8489 §9.1.3: FINGERPRINT, then USERNAME, then MESSAGE-INTEGRITY.
        if (request.first(Fingerprint.class).isEmpty() || !StunIntegrity.checkFingerprint(raw)) {
            agent.counters().badFingerprint++;
            return false;
        }
        Optional<Username> username = request.first(Username.class);
        String name = username.map(Username::name).orElse("");
        int colon = name.indexOf(':');
        IceCredentials credentials = colon < 0 ? null : agent.localCredentialsFor(name.substring(0, colon));
        if (credentials == null) {
            agent.counters().badUsername++;
            return false;
        }
        byte[] key = StunCredentials.shortTermKey(credentials.password());
        if (!StunIntegrity.checkIntegrity(raw, key)) {
            agent.counters().badIntegrity++;
            return false;
        }
        List<Integer> unknown = request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            agent.counters().unknownAttributeRequests++;
            respondError(local, request, from, key, ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute",
                    new UnknownAttributes(unknown));
            return true;
        }
        if (hasRoleConflict(request)) {
            respondError(local, request, from, key, ErrorCode.ROLE_CONFLICT, "Role Conflict", null);
            return true;
        }

        respondSuccess(local, request, from, key);
        if (credentials != agent.localCredentials()) {
            return true; // a consent check on the old pair during an ICE restart: answered, nothing more
        }

        // Over TCP (RFC 6544 §7.2) the source is the peer's connection: a check reaching our
        // passive candidate comes from an ephemeral port, so its sender is learned as peer-reflexive.
        IceCandidate remote = agent.findRemote(from, local.candidate().protocol());
        if (remote == null) {
            long priority = request.first(Priority.class).map(Priority::priority).orElse(0L);
            if (priority < 1) {
                return true; // RFC 8445 §7.1.1 makes PRIORITY mandatory; without it we cannot pair
            }
            remote = agent.learnPeerReflexive(from, priority, local.candidate());
            if (remote == null) {
                return true; // capped: answered, but not remembered
            }
        }
        CandidatePair pair = agent.checkList().find(local.candidate(), from);
        if (pair == null) {
            pair = agent.checks().pair(local, remote);
            if (pair == null) {
                return true;
            }
        }
        if (pair.state() != CandidatePairState.SUCCEEDED) {
            agent.checks().trigger(pair);
        }
        if (!agent.controlling() && request.first(UseCandidate.class).isPresent()) {
            agent.checks().nominatedByPeer(pair);
        }
        return true;
    }

    /**
     * RFC 8445 §7.3.1.1: both sides claim the same role. The larger tie-breaker keeps (or takes)
     * the controlling role; the agent that must give way either switches (and answers normally)
     * or answers 487 so the other side switches.
     */
    private boolean hasRoleConflict(StunMessage request) {
        long mine = agent.tieBreaker();
        if (agent.controlling()) {
            Optional<IceControlling> theirs = request.first(IceControlling.class);
            if (theirs.isEmpty()) {
                return false;
            }
            agent.counters().roleConflicts++;
            if (Long.compareUnsigned(mine, theirs.get().tieBreaker()) >= 0) {
                return true;
            }
            agent.setControlling(false);
        } else {
            Optional<IceControlled> theirs = request.first(IceControlled.class);
            if (theirs.isEmpty()) {
                return false;
            }
            agent.counters().roleConflicts++;
            if (Long.compareUnsigned(mine, theirs.get().tieBreaker()) < 0) {
                return true;
            }
            agent.setControlling(true);
        }
        return false;
    }

    private void respondSuccess(LocalCandidate local, StunMessage request, InetSocketAddress from, byte[] key) {
        byte[] response = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, request.transactionId())
                .add(new XorMappedAddress(from))
                .addMessageIntegrity(key)
                .addFingerprint()
                .toBytes();
        local.transport().send(response, from);
    }

    private void respondError(LocalCandidate local, StunMessage request, InetSocketAddress from, byte[] key, int code,
            String reason, UnknownAttributes unknown) {
        var builder = StunMessage.builder(StunClass.ERROR_RESPONSE, StunMethod.BINDING, request.transactionId())
                .add(new ErrorCode(code, reason));
        if (unknown != null) {
            builder.add(unknown);
        }
        local.transport().send(builder.addMessageIntegrity(key).addFingerprint().toBytes(), from);
    }
}
