package dev.parley.rtc.net;

/**
 * Which inbound datagrams a NAT lets through an existing mapping (RFC 4787 section 5).
 */
public enum NatFiltering {
    /** Any remote endpoint may send to the mapping ("full cone"). */
    ENDPOINT_INDEPENDENT,
    /** Only remote addresses the internal endpoint sent to through this mapping ("restricted cone"). */
    ADDRESS_DEPENDENT,
    /** Only remote address:port pairs the internal endpoint sent to ("port-restricted cone", symmetric). */
    ADDRESS_AND_PORT_DEPENDENT
}
