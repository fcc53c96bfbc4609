package dev.parley.rtc.net;

/**
 * When a NAT reuses an external address:port for an internal endpoint (RFC 4787 section 4.1).
 */
public enum NatMapping {
    /** One mapping per internal address:port, whatever the destination ("cone" NATs; REQ-1). */
    ENDPOINT_INDEPENDENT,
    /** A new mapping per destination address. */
    ADDRESS_DEPENDENT,
    /** A new mapping per destination address:port ("symmetric" NATs). */
    ADDRESS_AND_PORT_DEPENDENT
}
