package dev.parley.rtc.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How a LAN's NAT router treats UDP, in RFC 4787 terms. TCP through the NAT always gets one mapping
 * per connection, and inbound TCP connections to a NATed host are refused.
 *
 * @param mapping mapping behaviour (RFC 4787 section 4.1)
 * @param filtering filtering behaviour (RFC 4787 section 5)
 * @param mappingLifetime a UDP mapping expires after this much virtual time without outbound
 *     traffic through it (section 4.3: REQ-6, only outbound refreshes it)
 * @param portPreservation keep the internal port as the external port when it is free (section 4.2.1)
 * @param hairpinning let internal hosts reach each other through the NAT's public address (section
 *     6); off by default, as many home routers do not support it
 */
public record NatBehavior(
        NatMapping mapping,
        NatFiltering filtering,
        Duration mappingLifetime,
        boolean portPreservation,
        boolean hairpinning) {

    /** Shorter than RFC 4787's 2 minutes, as many real NATs are; tests can shorten it further. */
    public static final Duration DEFAULT_MAPPING_LIFETIME = Duration.ofSeconds(30);

    public NatBehavior {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(filtering, "filtering");
        Objects.requireNonNull(mappingLifetime, "mappingLifetime");
        if (mappingLifetime.isNegative() || mappingLifetime.isZero()) {
            throw new IllegalArgumentException("mappingLifetime must be positive: " + mappingLifetime);
        }
    }

    /** Given mapping and filtering, the default lifetime, no port preservation, no hairpinning. */
    public static NatBehavior of(NatMapping mapping, NatFiltering filtering) {
        return new NatBehavior(mapping, filtering, DEFAULT_MAPPING_LIFETIME, false, false);
    }

    /** Endpoint-independent mapping and filtering ("full cone"). */
    public static NatBehavior fullCone() {
        return of(NatMapping.ENDPOINT_INDEPENDENT, NatFiltering.ENDPOINT_INDEPENDENT);
    }

    /** Endpoint-independent mapping, address-dependent filtering ("restricted cone"). */
    public static NatBehavior restrictedCone() {
        return of(NatMapping.ENDPOINT_INDEPENDENT, NatFiltering.ADDRESS_DEPENDENT);
    }

    /** Endpoint-independent mapping, address-and-port-dependent filtering (RFC 4787's recommendation). */
    public static NatBehavior portRestrictedCone() {
        return of(NatMapping.ENDPOINT_INDEPENDENT, NatFiltering.ADDRESS_AND_PORT_DEPENDENT);
    }

    /** Address-and-port-dependent mapping and filtering: the NAT ICE can only beat with a relay or a cone peer. */
    public static NatBehavior symmetric() {
        return of(NatMapping.ADDRESS_AND_PORT_DEPENDENT, NatFiltering.ADDRESS_AND_PORT_DEPENDENT);
    }

    public NatBehavior withMappingLifetime(Duration lifetime) {
        return new NatBehavior(mapping, filtering, lifetime, portPreservation, hairpinning);
    }

    public NatBehavior withPortPreservation(boolean preserve) {
        return new NatBehavior(mapping, filtering, mappingLifetime, preserve, hairpinning);
    }

    public NatBehavior withHairpinning(boolean hairpin) {
        return new NatBehavior(mapping, filtering, mappingLifetime, portPreservation, hairpin);
    }
}
