package dev.parley.rtc.dtls;

/**
 * A cheap look at a received datagram before BouncyCastle sees it, to keep out what no honest
 * DTLS 1.2 peer sends and what BouncyCastle would let do harm.
 *
 * <p>The harm: epoch-0 records carry no MAC, yet their sequence number moves the replay window
 * (RFC 6347 §4.1.2.6). One forged or corrupted epoch-0 record numbered, say, 2^40 makes every
 * genuine handshake record look replayed, and the handshake stalls until its timeout (seen with
 * BouncyCastle 1.84). Epoch 0 only carries the first flights and their retransmissions, so its
 * sequence numbers stay small; we drop datagrams holding an epoch-0 record numbered beyond
 * {@link #MAX_EPOCH0_SEQUENCE}.
 *
 * <pre>
 *  DTLSPlaintext / DTLSCiphertext header (RFC 6347 §4.1), 13 bytes:
 *  type(1) version(2) epoch(2) sequence_number(6) length(2) | fragment(length)
 * </pre>
 */
final class DtlsRecordScreen {
    static final int HEADER = 13;
    /** Far above any real handshake (a few dozen records, even with many retransmissions). */
    static final long MAX_EPOCH0_SEQUENCE = 1 << 16;

    private DtlsRecordScreen() {}

    /**
     * True if the datagram may be DTLS: first byte in 20..63 (RFC 7983 §7), at least one record
     * header, and no epoch-0 record with an implausible sequence number. Never throws.
     */
    static boolean plausible(byte[] d) {
        if (d.length < HEADER) {
            return false;
        }
        int first = d[0] & 0xFF;
        if (first < 20 || first > 63) {
            return false;
        }
        int off = 0;
        // Walk the classic headers (types 20..31); other first bytes are left to the record layer.
        while (off + HEADER <= d.length && (d[off] & 0xFF) >= 20 && (d[off] & 0xFF) <= 31) {
            int epoch = u16(d, off + 3);
            long sequence = ((long) u16(d, off + 5) << 32) | ((long) u16(d, off + 7) << 16) | u16(d, off + 9);
            if (epoch == 0 && sequence > MAX_EPOCH0_SEQUENCE) {
                return false;
            }
            off += HEADER + u16(d, off + 11);
        }
        return true;
    }

    private static int u16(byte[] d, int off) {
        return ((d[off] & 0xFF) << 8) | (d[off + 1] & 0xFF);
    }
}
