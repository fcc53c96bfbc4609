package dev.parley.app.peer;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a track's audio as a 16-bit PCM WAV file (RIFF, little-endian). The format is fixed by
 * the first frame; the header's sizes are written on {@link #close()}. A write error stops the
 * recording and is logged once; the call goes on.
 */
final class WavWriter implements AudioSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WavWriter.class);
    private static final int HEADER_BYTES = 44;

    private final Path path;
    private RandomAccessFile file;
    private int sampleRate;
    private int channels;
    private long dataBytes;
    private boolean failed;

    WavWriter(Path path) {
        this.path = path;
    }

    @Override
    public synchronized void onFrame(AudioFrame frame) {
        if (failed) {
            return;
        }
        try {
            if (file == null) {
                sampleRate = frame.sampleRate();
                channels = frame.channels();
                file = new RandomAccessFile(path.toFile(), "rw");
                file.setLength(0);
                file.write(header(0));
            }
            if (frame.sampleRate() != sampleRate || frame.channels() != channels) {
                return;   // one format a file; a mid-call format change is not recorded
            }
            ByteBuffer pcm = ByteBuffer.allocate(frame.sampleCount() * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (short s : frame.samples()) {
                pcm.putShort(s);
            }
            file.write(pcm.array());
            dataBytes += pcm.capacity();
        } catch (IOException e) {
            failed = true;
            LOG.warn("recording to {} stopped: {}", path, e.toString());
        }
    }

    private byte[] header(long data) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + data)).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) data);
        return h.array();
    }

    @Override
    public synchronized void close() {
        if (file == null) {
            return;
        }
        try {
            file.seek(0);
            file.write(header(dataBytes));
            file.close();
        } catch (IOException e) {
            LOG.warn("recording to {} not finished: {}", path, e.toString());
        }
        file = null;
    }
}
