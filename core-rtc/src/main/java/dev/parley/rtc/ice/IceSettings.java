package dev.parley.rtc.ice;

import dev.parley.rtc.net.LocalAddress;
import dev.parley.rtc.stun.RetransmissionSchedule;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The ICE agent's knobs that the W3C API has no word for (they live in {@code EngineSettings}).
 *
 * @param includeLoopback gather on loopback interfaces (tests: two agents on 127.0.0.1)
 * @param includeIpv6 gather IPv6 addresses too
 * @param addressFilter which local addresses to gather on (after the two switches above); tests
 *     keep their traffic on loopback with {@link #loopbackOnly()}
 * @param checkPacing Ta, the minimum gap between two checks (RFC 8445 §14.2)
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
 * @param gatherTcp also gather ICE-TCP host candidates (RFC 6544), passive and active, on the
 *     addresses UDP host candidates use: the way through networks that block UDP
 */
public record IceSettings(
        boolean includeLoopback,
        boolean includeIpv6,
        Predicate<LocalAddress> addressFilter,
        Duration checkPacing,
        RetransmissionSchedule checkSchedule,
        RetransmissionSchedule serverSchedule,
        Duration nominationWait,
        Duration consentInterval,
        Duration disconnectedTimeout,
        Duration failedTimeout,
        int maxPairs,
        int maxRemoteCandidates,
        boolean gatherTcp) {

    /** Browser-like defaults: fast checks, disconnected within 5 s, failed at 30 s. */
    public static final IceSettings DEFAULTS = new IceSettings(
            false,
            true,
            address -> true,
            Duration.ofMillis(50),
            new RetransmissionSchedule(Duration.ofMillis(250), Duration.ofMillis(1600), 7, 8, Duration.ofSeconds(8)),
            RetransmissionSchedule.RFC_8489,
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(30),
            CheckList.DEFAULT_MAX_PAIRS,
            64,
            true);

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

    /** Gathers on loopback addresses only, as tests do. */
    public IceSettings loopbackOnly() {
        return new IceSettings(true, includeIpv6, LocalAddress::isLoopback, checkPacing, checkSchedule, serverSchedule,
                nominationWait, consentInterval, disconnectedTimeout, failedTimeout, maxPairs, maxRemoteCandidates,
                gatherTcp);
    }

    public IceSettings withIncludeIpv6(boolean include) {
        return new IceSettings(includeLoopback, include, addressFilter, checkPacing, checkSchedule, serverSchedule,
                nominationWait, consentInterval, disconnectedTimeout, failedTimeout, maxPairs, maxRemoteCandidates,
                gatherTcp);
    }

    public IceSettings withTimeouts(Duration disconnected, Duration failed) {
        return new IceSettings(includeLoopback, includeIpv6, addressFilter, checkPacing, checkSchedule, serverSchedule,
                nominationWait, consentInterval, disconnected, failed, maxPairs, maxRemoteCandidates,
                gatherTcp);
    }

    public IceSettings withMaxRemoteCandidates(int max) {
        return new IceSettings(includeLoopback, includeIpv6, addressFilter, checkPacing, checkSchedule, serverSchedule,
                nominationWait, consentInterval, disconnectedTimeout, failedTimeout, maxPairs, max, gatherTcp);
    }

    /** Switches ICE-TCP candidate gathering (RFC 6544) on or off. */
    public IceSettings withGatherTcp(boolean gather) {
        return new IceSettings(includeLoopback, includeIpv6, addressFilter, checkPacing, checkSchedule, serverSchedule,
                nominationWait, consentInterval, disconnectedTimeout, failedTimeout, maxPairs, maxRemoteCandidates,
                gather);
    }
}
