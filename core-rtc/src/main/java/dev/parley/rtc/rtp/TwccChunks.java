package dev.parley.rtc.rtp;

import java.util.Arrays;

/**
 * TWCC packet chunks (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.2-§3.1.4).
 * A symbol's value is also its receive delta size in bytes: 0 not received, 1 small, 2 large.
 *
 * <pre>
 * run length:     |0|S S|        run length (13 bits)     |
 * status vector:  |1|0|      14 one-bit symbols           |
 *                 |1|1|       7 two-bit symbols           |
 * </pre>
 */
final class TwccChunks {
    private static final int RESERVED_SYMBOL = 3;
    private static final int MAX_RUN = 0x1FFF;
    private static final int ONE_BIT_SYMBOLS = 14;
    private static final int TWO_BIT_SYMBOLS = 7;

    private TwccChunks() {}

    /** Raw chunk values, the decoded symbols (exactly the status count) and how many packets were received. */
    record Decoded(int[] chunks, byte[] symbols, int received) {}

    /** Reads chunks until they cover {@code count} statuses. */
    static Decoded decode(ByteReader in, int count) throws RtpParseException {
        int[] chunks = new int[8];
        int chunkCount = 0;
        byte[] symbols = new byte[Math.min(count, 64)];
        int covered = 0;
        int received = 0;
        while (covered < count) {
            int at = in.offset();
            if (in.remaining() < 2) {
                throw in.error("TWCC packet chunk at offset " + at + ": chunks end after " + covered
                        + " of " + count + " packet statuses");
            }
            int chunk = in.u16("TWCC packet chunk");
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            chunks[chunkCount++] = chunk;
            int n = Math.min(symbolsIn(chunk), count - covered); // symbols past the count are ignored
            if (covered + n > symbols.length) {
                symbols = Arrays.copyOf(symbols, Math.min(count, Math.max(covered + n, symbols.length * 2)));
            }
            for (int j = 0; j < n; j++) {
                int s = symbol(chunk, j);
                if (s == RESERVED_SYMBOL) {
                    throw new RtpParseException(at, "TWCC packet chunk at offset " + at + ": reserved status symbol 3"
                            + " for packet " + (covered + j));
                }
                symbols[covered + j] = (byte) s;
                if (s != 0) {
                    received++;
                }
            }
            covered += n;
        }
        return new Decoded(Arrays.copyOf(chunks, chunkCount), Arrays.copyOf(symbols, count), received);
    }

    static int symbolsIn(int chunk) {
        if ((chunk & 0x8000) == 0) {
            return chunk & MAX_RUN;
        }
        return (chunk & 0x4000) == 0 ? ONE_BIT_SYMBOLS : TWO_BIT_SYMBOLS;
    }

    /** Symbol {@code j} of a chunk (j below {@link #symbolsIn}). */
    static int symbol(int chunk, int j) {
        if ((chunk & 0x8000) == 0) {
            return (chunk >> 13) & 3;
        }
        if ((chunk & 0x4000) == 0) {
            return (chunk >> (ONE_BIT_SYMBOLS - 1 - j)) & 1;
        }
        return (chunk >> (2 * (TWO_BIT_SYMBOLS - 1 - j))) & 3;
    }

    /**
     * Greedy encoding: a run-length chunk where a run covers at least what a status vector would,
     * otherwise a one-bit vector if the next 14 symbols allow it, else a two-bit vector.
     */
    static int[] encode(byte[] symbols) {
        int[] out = new int[symbols.length];
        int count = 0;
        int i = 0;
        while (i < symbols.length) {
            int left = symbols.length - i;
            int s = symbols[i];
            int run = 1;
            while (run < left && run < MAX_RUN && symbols[i + run] == s) {
                run++;
            }
            boolean oneBit = true;
            for (int j = i; j < Math.min(symbols.length, i + ONE_BIT_SYMBOLS); j++) {
                oneBit &= symbols[j] <= 1;
            }
            int capacity = oneBit ? ONE_BIT_SYMBOLS : TWO_BIT_SYMBOLS;
            if (run >= Math.min(capacity, left)) {
                out[count++] = (s << 13) | run;
                i += run;
                continue;
            }
            int n = Math.min(capacity, left);
            int chunk = oneBit ? 0x8000 : 0xC000;
            for (int j = 0; j < n; j++) {
                chunk |= oneBit ? symbols[i + j] << (ONE_BIT_SYMBOLS - 1 - j)
                        : symbols[i + j] << (2 * (TWO_BIT_SYMBOLS - 1 - j));
            }
            out[count++] = chunk;
            i += n;
        }
        return Arrays.copyOf(out, count);
    }
}
