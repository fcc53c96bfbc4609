package dev.parley.rtc;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A picture in I420 (YUV 4:2:0, three planes): a full-resolution luma plane Y and two chroma
 * planes U and V of {@code ceil(width/2) x ceil(height/2)}, each with its own stride (bytes from
 * one row to the next). {@code rotation} is how far the picture must be turned clockwise to be
 * shown upright, as a camera reports it.
 *
 * <p>A frame takes over the plane arrays it is built from, without copying them (a 720p frame is
 * 1.4 MB, and the media path must not copy it per hop): whoever builds a frame hands the arrays
 * over and never writes them again. Readers get read-only views, so a frame is immutable to
 * everyone after that and can go to any number of sinks on any threads.
 */
public final class VideoFrame {
    /** Larger than any camera or codec picture we handle; a guard against nonsense sizes. */
    public static final int MAX_DIMENSION = 16_384;

    /** Luma of black in the video range (ITU-R BT.601/709: 16..235) that cameras and codecs use. */
    static final byte BLACK_LUMA = 16;
    /** Neutral chroma (no colour). */
    static final byte NEUTRAL_CHROMA = (byte) 128;

    private final int width;
    private final int height;
    private final byte[] dataY;
    private final int strideY;
    private final byte[] dataU;
    private final int strideU;
    private final byte[] dataV;
    private final int strideV;
    private final int rotation;
    private final long captureTimeNanos;

    /**
     * @param dataY luma plane, at least {@code strideY * (height - 1) + width} bytes; handed over
     * @param dataU chroma plane U, at least {@code strideU * (chromaHeight - 1) + chromaWidth} bytes; handed over
     * @param dataV chroma plane V, as U; handed over
     * @param rotation 0, 90, 180 or 270: clockwise turn needed to show the picture upright
     * @param captureTimeNanos when the frame was captured, on the {@link System#nanoTime()} clock
     * @throws IllegalArgumentException if a size, stride, plane length or the rotation does not fit
     */
    public VideoFrame(int width, int height, byte[] dataY, int strideY, byte[] dataU, int strideU,
            byte[] dataV, int strideV, int rotation, long captureTimeNanos) {
        if (width < 1 || width > MAX_DIMENSION || height < 1 || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("width and height must be 1.." + MAX_DIMENSION + ", got "
                    + width + "x" + height);
        }
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotation);
        }
        int chromaWidth = chromaSize(width);
        int chromaHeight = chromaSize(height);
        checkPlane("Y", dataY, strideY, width, height);
        checkPlane("U", dataU, strideU, chromaWidth, chromaHeight);
        checkPlane("V", dataV, strideV, chromaWidth, chromaHeight);
        this.width = width;
        this.height = height;
        this.dataY = dataY;
        this.strideY = strideY;
        this.dataU = dataU;
        this.strideU = strideU;
        this.dataV = dataV;
        this.strideV = strideV;
        this.rotation = rotation;
        this.captureTimeNanos = captureTimeNanos;
    }

    /** A black picture (video-range luma 16, neutral chroma 128) with tightly packed planes. */
    public static VideoFrame black(int width, int height, int rotation, long captureTimeNanos) {
        if (width < 1 || width > MAX_DIMENSION || height < 1 || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("width and height must be 1.." + MAX_DIMENSION + ", got "
                    + width + "x" + height);
        }
        int chromaWidth = chromaSize(width);
        int chromaHeight = chromaSize(height);
        byte[] y = new byte[width * height];
        byte[] u = new byte[chromaWidth * chromaHeight];
        byte[] v = new byte[chromaWidth * chromaHeight];
        Arrays.fill(y, BLACK_LUMA);
        Arrays.fill(u, NEUTRAL_CHROMA);
        Arrays.fill(v, NEUTRAL_CHROMA);
        return new VideoFrame(width, height, y, width, u, chromaWidth, v, chromaWidth, rotation, captureTimeNanos);
    }

    /**
     * The same picture with another capture time; the planes are shared, which is safe as nobody
     * writes them. For sources that show one picture more than once (a file played at a higher
     * rate than its own): each showing needs a time of its own, as the RTP timestamp follows it.
     */
    public VideoFrame withCaptureTime(long newCaptureTimeNanos) {
        return new VideoFrame(width, height, dataY, strideY, dataU, strideU, dataV, strideV, rotation,
                newCaptureTimeNanos);
    }

    /** The same picture to be shown turned by {@code newRotation}; the planes are shared, as above. */
    VideoFrame withRotation(int newRotation) {
        return new VideoFrame(width, height, dataY, strideY, dataU, strideU, dataV, strideV, newRotation,
                captureTimeNanos);
    }

    /** Chroma planes are half the size, rounded up (I420). */
    public static int chromaSize(int lumaSize) {
        return (lumaSize + 1) / 2;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** {@code ceil(width / 2)}. */
    public int chromaWidth() {
        return chromaSize(width);
    }

    /** {@code ceil(height / 2)}. */
    public int chromaHeight() {
        return chromaSize(height);
    }

    /** A read-only view of the luma plane, positioned at 0. */
    public ByteBuffer dataY() {
        return ByteBuffer.wrap(dataY).asReadOnlyBuffer();
    }

    public int strideY() {
        return strideY;
    }

    /** A read-only view of the U plane, positioned at 0. */
    public ByteBuffer dataU() {
        return ByteBuffer.wrap(dataU).asReadOnlyBuffer();
    }

    public int strideU() {
        return strideU;
    }

    /** A read-only view of the V plane, positioned at 0. */
    public ByteBuffer dataV() {
        return ByteBuffer.wrap(dataV).asReadOnlyBuffer();
    }

    public int strideV() {
        return strideV;
    }

    /** Clockwise degrees (0, 90, 180, 270) to turn the picture to show it upright. */
    public int rotation() {
        return rotation;
    }

    public long captureTimeNanos() {
        return captureTimeNanos;
    }

    @Override
    public String toString() {
        return "VideoFrame[" + width + "x" + height + ", rotation " + rotation + ", t=" + captureTimeNanos + " ns]";
    }

    private static void checkPlane(String name, byte[] data, int stride, int rowBytes, int rows) {
        if (data == null) {
            throw new IllegalArgumentException("plane " + name + " must not be null");
        }
        if (stride < rowBytes) {
            throw new IllegalArgumentException("stride of plane " + name + " is " + stride
                    + ", less than its row of " + rowBytes + " bytes");
        }
        long needed = (long) stride * (rows - 1) + rowBytes;
        if (data.length < needed) {
            throw new IllegalArgumentException("plane " + name + " has " + data.length + " bytes, needs "
                    + needed + " (stride " + stride + " x " + rows + " rows)");
        }
    }
}
