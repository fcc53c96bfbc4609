package dev.parley.app.peer;

import dev.parley.rtc.VideoFrame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records received video as YUV4MPEG2 (I420, {@code C420jpeg}), frames as decoded, unscaled.
 * A size change mid-stream starts the next file ({@code <base>.y4m}, {@code <base>-2.y4m},
 * {@code <base>-3.y4m}…), since a Y4M file has one size in its header and scaling would hide
 * what the sender did. The header's rate ({@code F30:1}) is nominal: frames are written as they
 * arrive.
 *
 * <p>Frames wait in a bounded queue for a writer thread of its own, so a slow disk never stalls
 * the decoder that delivers them: when the queue is full a frame is dropped and counted.
 */
final class Y4mRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Y4mRecorder.class);
    /** About a second of 30 fps video; 720p frames are 1.4 MB each, so this bounds memory too. */
    static final int QUEUE_FRAMES = 32;
    private static final byte[] FRAME_HEADER = "FRAME\n".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;
    private final String baseName;
    private final BlockingQueue<VideoFrame> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private boolean closed;
    private OutputStream out;
    private int width;
    private int height;
    private int files;

    /** Records into {@code directory/baseName.y4m} (and {@code baseName-2.y4m}… after size changes). */
    Y4mRecorder(Path directory, String baseName) {
        this.directory = directory;
        this.baseName = baseName;
        this.writer = new Thread(this::drain, "parley-peer-y4m-" + baseName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a frame for writing; never blocks (a full queue drops the frame and counts it). */
    void onFrame(VideoFrame frame) {
        if (closing || !queue.offer(frame)) {
            dropped.incrementAndGet();
        }
    }

    long framesWritten() {
        return written.get();
    }

    long framesDropped() {
        return dropped.get();
    }

    /** The file of the {@code n}th size seen (1-based). */
    Path file(int n) {
        return directory.resolve(n == 1 ? baseName + ".y4m" : baseName + "-" + n + ".y4m");
    }

    private void drain() {
        try {
            while (!closing || !queue.isEmpty()) {
                VideoFrame frame = queue.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    write(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("video recording stopped: {}", e.toString());
            closing = true;
        } finally {
            closeFile();
        }
    }

    private void write(VideoFrame frame) throws IOException {
        if (out == null || frame.width() != width || frame.height() != height) {
            closeFile();
            width = frame.width();
            height = frame.height();
            files++;
            out = new BufferedOutputStream(Files.newOutputStream(file(files)), 1 << 20);
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.write(FRAME_HEADER);
        plane(frame.dataY(), frame.strideY(), width, height);
        plane(frame.dataU(), frame.strideU(), frame.chromaWidth(), frame.chromaHeight());
        plane(frame.dataV(), frame.strideV(), frame.chromaWidth(), frame.chromaHeight());
        written.incrementAndGet();
    }

    private void plane(ByteBuffer data, int stride, int planeWidth, int planeHeight) throws IOException {
        byte[] row = new byte[planeWidth];
        for (int y = 0; y < planeHeight; y++) {
            data.get(y * stride, row);
            out.write(row);
        }
    }

    private void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("video recording not closed cleanly: {}", e.toString());
            }
            out = null;
        }
    }

    /** Writes what is queued, closes the file and waits (up to 10 s) for the writer thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dropped.get() > 0) {
            LOG.info("video recording {}: {} frames written, {} dropped (disk too slow)", baseName, written.get(),
                    dropped.get());
        }
    }
}
