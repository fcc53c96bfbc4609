package dev.parley.rtc.ice;

import dev.parley.rtc.net.LocalAddress;
import dev.parley.rtc.stun.RetransmissionSchedule;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * The ICE agent's knobs that the W3C API has no word for (they live in {@code EngineSettings}).
 * Start from {@link #DEFAULTS} and change what differs with {@link #toBuilder()}.
 *
 * @param includeLoopback gather on loopback interfaces (tests: two agents on 127.0.0.1)
 * @param includeIpv6 gather IPv6 addresses too
 * @param addressFilter which local addresses to gather on (after the two switches above); tests
 *     keep their traffic on loopback with {@link #loopbackOnly()}
 * @param gatherTcp also gather ICE-TCP host candidates (RFC 6544), passive and active, on the
 *     addresses UDP host candidates use: the way through networks that block UDP
 * @param checkPacing Ta, the minimum gap between two ordinary checks (RFC 8445 §14.2)
 * @param checkSchedule retransmissions of one connectivity check (RFC 8445 §14.3)
 * @param serverSchedule retransmissions of a Binding request to a STUN server
 * @param nominationWait how long the controlling agent waits, after the first success, for a
 *     better pair to succeed before it nominates the best one it has
 * @param consentInterval mean gap between consent checks on the selected pair, randomised by
 *     ±20 % (RFC 7675 §5.1); they also keep NAT bindings open, so no separate keepalive is sent
 * @param disconnectedTimeout silence from the remote after which the state is {@code disconnected}
 * @param failedTimeout silence after which consent is lost (RFC 7675 §5.1: 30 s): the state is
 *     {@code failed} and nothing more is sent
 * @param maxPairs the check-list limit (RFC 8445 §6.1.2.5)
 * @param maxRemoteCandidates signalled plus peer-reflexive remote candidates kept, so a flood of
 *     checks from unknown addresses cannot grow memory without bound
 * @param turnTlsContext whose trust store decides which {@code turns:} servers are accepted;
 *     {@code null} for the JDK's default (tests pass one that trusts their own coturn)
 */
public record IceSettings(
        boolean includeLoopback,
        boolean includeIpv6,
        Predicate<LocalAddress> addressFilter,
        boolean gatherTcp,
        Duration checkPacing,
        RetransmissionSchedule checkSchedule,
        RetransmissionSchedule serverSchedule,
        Duration nominationWait,
        Duration consentInterval,
        Duration disconnectedTimeout,
        Duration failedTimeout,
        int maxPairs,
        int maxRemoteCandidates,
        SSLContext turnTlsContext) {

    /** Browser-like defaults: fast checks, disconnected within 5 s, failed at 30 s. */
    public static final IceSettings DEFAULTS = new IceSettings(
            false,
            true,
            address -> true,
            true,
            Duration.ofMillis(50),
            new RetransmissionSchedule(Duration.ofMillis(250), Duration.ofMillis(1600), 7, 8, Duration.ofSeconds(8)),
            RetransmissionSchedule.RFC_8489,
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(30),
            CheckList.DEFAULT_MAX_PAIRS,
            64,
            null);

    public IceSettings {
        Objects.requireNonNull(addressFilter, "addressFilter");
        Objects.requireNonNull(checkPacing, "checkPacing");
        Objects.requireNonNull(checkSchedule, "checkSchedule");
        Objects.requireNonNull(serverSchedule, "serverSchedule");
        Objects.requireNonNull(nominationWait, "nominationWait");
        Objects.requireNonNull(consentInterval, "consentInterval");
        Objects.requireNonNull(disconnectedTimeout, "disconnectedTimeout");
        Objects.requireNonNull(failedTimeout, "failedTimeout");
        if (disconnectedTimeout.compareTo(failedTimeout) > 0) {
            throw new IllegalArgumentException("disconnectedTimeout must not exceed failedTimeout");
        }
        if (maxPairs < 1 || maxRemoteCandidates < 1) {
            throw new IllegalArgumentException("maxPairs and maxRemoteCandidates must be positive");
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Gathers on loopback addresses only, as tests do (the network rule keeps them there). */
    public IceSettings loopbackOnly() {
        return toBuilder().includeLoopback(true).addressFilter(LocalAddress::isLoopback).build();
    }

    public IceSettings withIncludeIpv6(boolean include) {
        return toBuilder().includeIpv6(include).build();
    }

    public IceSettings withGatherTcp(boolean gather) {
        return toBuilder().gatherTcp(gather).build();
    }

    public IceSettings withTimeouts(Duration disconnected, Duration failed) {
        return toBuilder().disconnectedTimeout(disconnected).failedTimeout(failed).build();
    }

    public IceSettings withMaxRemoteCandidates(int max) {
        return toBuilder().maxRemoteCandidates(max).build();
    }

    public IceSettings withTurnTlsContext(SSLContext context) {
        return toBuilder().turnTlsContext(context).build();
    }

    /** Changes some settings of a copy; {@link #build()} validates the result. */
    public static final class Builder {
        private boolean includeLoopback;
        private boolean includeIpv6;
        private Predicate<LocalAddress> addressFilter;
        private boolean gatherTcp;
        private Duration checkPacing;
        private RetransmissionSchedule checkSchedule;
        private RetransmissionSchedule serverSchedule;
        private Duration nominationWait;
        private Duration consentInterval;
        private Duration disconnectedTimeout;
        private Duration failedTimeout;
        private int maxPairs;
        private int maxRemoteCandidates;
        private SSLContext turnTlsContext;

        private Builder(IceSettings s) {
            includeLoopback = s.includeLoopback;
            includeIpv6 = s.includeIpv6;
            addressFilter = s.addressFilter;
            gatherTcp = s.gatherTcp;
            checkPacing = s.checkPacing;
            checkSchedule = s.checkSchedule;
            serverSchedule = s.serverSchedule;
            nominationWait = s.nominationWait;
            consentInterval = s.consentInterval;
            disconnectedTimeout = s.disconnectedTimeout;
            failedTimeout = s.failedTimeout;
            maxPairs = s.maxPairs;
            maxRemoteCandidates = s.maxRemoteCandidates;
            turnTlsContext = s.turnTlsContext;
        }

        public Builder includeLoopback(boolean v) {
            includeLoopback = v;
            return this;
        }

        public Builder includeIpv6(boolean v) {
            includeIpv6 = v;
            return this;
        }

        public Builder addressFilter(Predicate<LocalAddress> v) {
            addressFilter = v;
            return this;
        }

        public Builder gatherTcp(boolean v) {
            gatherTcp = v;
            return this;
        }

        public Builder checkPacing(Duration v) {
            checkPacing = v;
            return this;
        }

        public Builder checkSchedule(RetransmissionSchedule v) {
            checkSchedule = v;
            return this;
        }

        public Builder serverSchedule(RetransmissionSchedule v) {
            serverSchedule = v;
            return this;
        }

        public Builder nominationWait(Duration v) {
            nominationWait = v;
            return this;
        }

        public Builder consentInterval(Duration v) {
            consentInterval = v;
            return this;
        }

        public Builder disconnectedTimeout(Duration v) {
            disconnectedTimeout = v;
            return this;
        }

        public Builder failedTimeout(Duration v) {
            failedTimeout = v;
            return this;
        }

        public Builder maxPairs(int v) {
            maxPairs = v;
            return this;
        }

        public Builder maxRemoteCandidates(int v) {
            maxRemoteCandidates = v;
            return this;
        }

        public Builder turnTlsContext(SSLContext v) {
            turnTlsContext = v;
            return this;
        }

        public IceSettings build() {
            return new IceSettings(includeLoopback, includeIpv6, addressFilter, gatherTcp, checkPacing, checkSchedule,
                    serverSchedule, nominationWait, consentInterval, disconnectedTimeout, failedTimeout, maxPairs,
                    maxRemoteCandidates, turnTlsContext);
        }
    }
}
