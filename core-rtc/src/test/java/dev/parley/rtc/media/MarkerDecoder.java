package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.codec.AudioDecodeException;
import dev.parley.rtc.codec.AudioDecoder;
import java.util.Arrays;

/**
 * A decoder for jitter buffer tests that shows where each played sample came from: a payload
 * {@code [id high, id low]} decodes to 20 ms of the value {@code id} (a third byte, if any, gives
 * the duration in 10 ms units), concealment plays {@link #CONCEALED}, FEC {@link #FEC}; a payload
 * starting with {@link #REFUSED} is refused as malformed. 8 kHz mono.
 */
final class MarkerDecoder implements AudioDecoder {
    static final int RATE = 8000;
    static final short CONCEALED = -1;
    static final short FEC = -2;
    static final byte REFUSED = (byte) 0xFF;

    private final boolean fec;
    int fecCalls;
    int decodeCalls;

    MarkerDecoder(boolean fec) {
        this.fec = fec;
    }

    static byte[] payload(int id) {
        return new byte[] {(byte) (id >> 8), (byte) id};
    }

    @Override
    public String name() {
        return "marker";
    }

    @Override
    public int clockRate() {
        return RATE;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public AudioFrame decode(byte[] payload, int offset, int length, long receiveTimeNanos) throws AudioDecodeException {
        decodeCalls++;
        if (length < 2 || payload[offset] == REFUSED) {
            throw new AudioDecodeException("not a marker payload");
        }
        int id = ((payload[offset] & 0x7F) << 8) | (payload[offset + 1] & 0xFF);
        int tens = length > 2 ? (payload[offset + 2] & 0x0F) : 2;
        short[] samples = new short[tens * RATE / 100];
        Arrays.fill(samples, (short) id);
        return new AudioFrame(samples, RATE, 1, receiveTimeNanos);
    }

    @Override
    public AudioFrame conceal(int samplesPerChannel, long receiveTimeNanos) {
        short[] samples = new short[samplesPerChannel];
        Arrays.fill(samples, CONCEALED);
        return new AudioFrame(samples, RATE, 1, receiveTimeNanos);
    }

    @Override
    public boolean decodesFec() {
        return fec;
    }

    @Override
    public AudioFrame decodeFec(byte[] next, int offset, int length, int samplesPerChannel, long receiveTimeNanos)
            throws AudioDecodeException {
        if (!fec) {
            return conceal(samplesPerChannel, receiveTimeNanos);
        }
        fecCalls++;
        if (length < 2 || next[offset] == REFUSED) {
            throw new AudioDecodeException("not a marker payload");
        }
        short[] samples = new short[samplesPerChannel];
        Arrays.fill(samples, FEC);
        return new AudioFrame(samples, RATE, 1, receiveTimeNanos);
    }
}
