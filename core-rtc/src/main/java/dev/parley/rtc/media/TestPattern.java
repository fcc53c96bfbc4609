package dev.parley.rtc.media;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A moving test picture that carries its own frame number and capture time, so a receiver can
 * check order, freshness, latency and quality of what it decodes: a synthetic camera's picture
 * and the video of tests and benchmarks.
 *
 * <pre>
 * +--------------------------------------+
 * | ■ □ ■ ■ □ □ ■ □ ...  marker band      |  frame number, capture time, CRC-32 as
 * | □ ■ □ □ ■ ■ □ ■ ...                   |  black/white luma blocks on the codecs' grid
 * |--------------------------------------|
 * |  diagonal luma ramp moving right,     |
 * |  chroma waves, and a bouncing square  |  smooth content a codec keeps at high PSNR
 * +--------------------------------------+
 * </pre>
 *
 * <p>Frame {@code n} with stamp {@code t} is always the same picture, so a receiver that reads the
 * stamp back ({@link #read}) can rebuild the exact source frame ({@link #frame}) and compare it
 * with what it decoded ({@link VideoQuality#psnr}). Marker blocks are 16 pixels on frames at least
 * 640 wide (one macroblock, which lossy codecs keep distinct) and 8 pixels on smaller ones; a block
 * reads as a one when its inner half averages above mid-grey, and the CRC rejects a band that
 * decoding damaged. Pure: no threads and no clock; not thread-safe (one caller, such as a
 * {@link PacedVideoSource}).
 */
public final class TestPattern {
    /** Smallest picture whose marker band fits in the top half. */
    public static final int MIN_WIDTH = 320;
    public static final int MIN_HEIGHT = 180;

    private static final int STAMP_BYTES = 4 + 8 + 4; // frame number, capture time, CRC-32
    private static final int STAMP_BITS = STAMP_BYTES * 8;
    private static final byte MARK_ONE = (byte) 235; // video-range white
    private static final byte MARK_ZERO = 16; // video-range black
    private static final int RAMP_PERIOD = 448; // pixels of one up-and-down luma ramp
    private static final int RAMP_STEP_PER_FRAME = 4;

    private final int width;
    private final int height;
    private final int block;
    private final int blocksPerRow;
    private final int bandHeight;
    /** U of one chroma row for each of {@link #CHROMA_PHASES} phases (U depends on x and time only). */
    private final byte[][] chromaU;
    /** V of each chroma row (V depends on y only). */
    private final byte[] chromaV;
    private static final int CHROMA_PHASES = 120;
    private long nextFrameNumber;

    /**
     * @throws IllegalArgumentException if smaller than {@value #MIN_WIDTH}x{@value #MIN_HEIGHT} or
     *     larger than {@link VideoFrame#MAX_DIMENSION}
     */
    public TestPattern(int width, int height) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT || width > VideoFrame.MAX_DIMENSION
                || height > VideoFrame.MAX_DIMENSION) {
            throw new IllegalArgumentException("a test pattern needs " + MIN_WIDTH + "x" + MIN_HEIGHT + " to "
                    + VideoFrame.MAX_DIMENSION + " pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.block = blockSize(width);
        this.blocksPerRow = width / block - 2; // a block of margin each side
        int rows = (STAMP_BITS + blocksPerRow - 1) / blocksPerRow;
        this.bandHeight = (rows + 2) * block; // a block of margin above and below
        int chromaWidth = VideoFrame.chromaSize(width);
        int chromaHeight = VideoFrame.chromaSize(height);
        this.chromaU = new byte[CHROMA_PHASES][chromaWidth];
        for (int phase = 0; phase < CHROMA_PHASES; phase++) {
            for (int x = 0; x < chromaWidth; x++) {
                double angle = 2 * Math.PI * ((double) x / chromaWidth + (double) phase / CHROMA_PHASES);
                chromaU[phase][x] = (byte) Math.round(128 + 48 * Math.sin(angle));
            }
        }
        this.chromaV = new byte[chromaHeight];
        for (int y = 0; y < chromaHeight; y++) {
            chromaV[y] = (byte) Math.round(128 + 48 * Math.cos(2 * Math.PI * y / chromaHeight));
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Height of the marker band at the top, in pixels. */
    public int markerBandHeight() {
        return bandHeight;
    }

    /** The next frame in sequence (numbers 0, 1, 2, …), stamped with {@code captureTimeNanos}. */
    public VideoFrame nextFrame(long captureTimeNanos) {
        return frame(nextFrameNumber++, captureTimeNanos);
    }

    /**
     * Frame {@code frameNumber} with stamp {@code captureTimeNanos}: the same picture every time.
     *
     * @param frameNumber 0 to 2<sup>32</sup>-1 (about 4.5 years at 30 fps)
     */
    public VideoFrame frame(long frameNumber, long captureTimeNanos) {
        if (frameNumber < 0 || frameNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("frameNumber must fit in 32 bits unsigned, got " + frameNumber);
        }
        int chromaWidth = VideoFrame.chromaSize(width);
        int chromaHeight = VideoFrame.chromaSize(height);
        byte[] y = new byte[width * height];
        byte[] u = new byte[chromaWidth * chromaHeight];
        byte[] v = new byte[chromaWidth * chromaHeight];
        drawRamp(y, frameNumber);
        drawSquare(y, frameNumber);
        byte[] rowU = chromaU[(int) (frameNumber % CHROMA_PHASES)];
        for (int row = 0; row < chromaHeight; row++) {
            System.arraycopy(rowU, 0, u, row * chromaWidth, chromaWidth);
            Arrays.fill(v, row * chromaWidth, (row + 1) * chromaWidth, chromaV[row]);
        }
        drawBand(y, u, v, chromaWidth, stamp(frameNumber, captureTimeNanos));
        return new VideoFrame(width, height, y, width, u, chromaWidth, v, chromaWidth, 0, captureTimeNanos);
    }

    /**
     * The stamp a test-pattern frame carries, read from its marker band; empty when the band is
     * missing, too damaged, or the frame is neither this pattern's size nor a scaled-down copy of
     * it (a sender adapting to its bitrate sends 3/4, 1/2… of the source; the blocks shrink alike).
     */
    public Optional<Stamp> read(VideoFrame frame) {
        if (frame.width() > width || frame.height() > height
                || Math.abs((double) frame.width() / width - (double) frame.height() / height) > 0.02) {
            return Optional.empty();
        }
        double scale = (double) frame.width() / width;
        ByteBuffer luma = frame.dataY();
        int stride = frame.strideY();
        byte[] bytes = new byte[STAMP_BYTES];
        int inner = Math.max(1, (int) (block * scale / 2));
        for (int bit = 0; bit < STAMP_BITS; bit++) {
            int left = (int) Math.round((blockLeft(bit) + block / 2.0) * scale - inner / 2.0);
            int top = (int) Math.round((blockTop(bit) + block / 2.0) * scale - inner / 2.0);
            long sum = 0;
            for (int row = top; row < top + inner; row++) {
                for (int col = left; col < left + inner; col++) {
                    sum += luma.get(row * stride + col) & 0xFF;
                }
            }
            if (sum > 128L * inner * inner) {
                bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
        }
        ByteBuffer stamp = ByteBuffer.wrap(bytes);
        long frameNumber = stamp.getInt() & 0xFFFF_FFFFL;
        long captureTime = stamp.getLong();
        int crc = stamp.getInt();
        if (crc != (int) crc32(bytes, STAMP_BYTES - 4)) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(frameNumber, captureTime));
    }

    /** What a frame's marker band says: its number in the sequence and when it was captured. */
    public record Stamp(long frameNumber, long captureTimeNanos) {}

    private static int blockSize(int width) {
        return width >= 640 ? 16 : 8;
    }

    private int blockLeft(int bit) {
        return (1 + bit % blocksPerRow) * block;
    }

    private int blockTop(int bit) {
        return (1 + bit / blocksPerRow) * block;
    }

    private void drawRamp(byte[] y, long frameNumber) {
        int shift = (int) ((frameNumber * RAMP_STEP_PER_FRAME) % RAMP_PERIOD);
        int half = RAMP_PERIOD / 2;
        for (int row = 0; row < height; row++) {
            int base = row * width;
            for (int col = 0; col < width; col++) {
                int position = Math.floorMod(col + row - shift, RAMP_PERIOD);
                int level = position < half ? position : RAMP_PERIOD - position; // 0..half: a triangle wave
                y[base + col] = (byte) (32 + level * 192 / half);
            }
        }
    }

    /** A flat square bouncing below the band: motion with sharp edges, as a codec meets in real scenes. */
    private void drawSquare(byte[] y, long frameNumber) {
        int side = Math.max(16, Math.min(width, height) / 6);
        int travelX = width - side;
        int travelY = height - bandHeight - side;
        int x = bounce(frameNumber * 6, travelX);
        int top = bandHeight + bounce(frameNumber * 4, travelY);
        for (int row = top; row < top + side; row++) {
            Arrays.fill(y, row * width + x, row * width + x + side, (byte) 200);
        }
    }

    private static int bounce(long distance, int travel) {
        if (travel <= 0) {
            return 0;
        }
        int position = (int) (distance % (2L * travel));
        return position <= travel ? position : 2 * travel - position;
    }

    private void drawBand(byte[] y, byte[] u, byte[] v, int chromaWidth, byte[] stamp) {
        for (int row = 0; row < bandHeight; row++) {
            Arrays.fill(y, row * width, (row + 1) * width, (byte) 128);
        }
        for (int row = 0; row < VideoFrame.chromaSize(bandHeight); row++) {
            Arrays.fill(u, row * chromaWidth, (row + 1) * chromaWidth, (byte) 128);
            Arrays.fill(v, row * chromaWidth, (row + 1) * chromaWidth, (byte) 128);
        }
        for (int bit = 0; bit < STAMP_BITS; bit++) {
            boolean one = (stamp[bit / 8] & (0x80 >>> (bit % 8))) != 0;
            int left = blockLeft(bit);
            int top = blockTop(bit);
            for (int row = top; row < top + block; row++) {
                Arrays.fill(y, row * width + left, row * width + left + block, one ? MARK_ONE : MARK_ZERO);
            }
        }
    }

    private static byte[] stamp(long frameNumber, long captureTimeNanos) {
        ByteBuffer stamp = ByteBuffer.allocate(STAMP_BYTES);
        stamp.putInt((int) frameNumber).putLong(captureTimeNanos);
        stamp.putInt((int) crc32(stamp.array(), STAMP_BYTES - 4));
        return stamp.array();
    }

    private static long crc32(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
