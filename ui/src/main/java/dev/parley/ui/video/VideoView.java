package dev.parley.ui.video;

import dev.parley.media.I420ToRgb;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoSink;
import dev.parley.ui.FxThread;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a video track: the newest frame, upright (the frame's rotation applied), as large as fits
 * with its aspect ratio kept (black bars where the shapes differ), optionally mirrored (the local
 * preview, as people expect to see themselves).
 *
 * <p>Frames arrive on engine threads at up to 60 fps, faster than the screen may take them. Each
 * stage keeps only the newest frame it has not started on and counts the others as dropped:
 * {@link #onFrame} stores the frame and hands the conversion (I420 to RGB, the costly part) to
 * the {@code converter} executor, never the FX thread; a converted picture goes to the FX thread
 * with one task that copies it into a {@link WritableImage}, reused while the size stays the same.
 * A view smaller than the frame converts a picture its own size, each pixel the average of a block
 * (a 720p camera in a corner preview costs a corner's worth of memory and painting, not 720p's).
 * At most one conversion and one paint are outstanding per view, so a slow screen costs dropped
 * frames, never a queue. {@code received = rendered + dropped} once frames stop arriving.
 *
 * <p>{@link #attach}, {@link #detach} and the mirrored property belong to the FX thread;
 * {@link #onFrame} and the counters may be called from any thread.
 */
public final class VideoView extends Region implements VideoSink {
    private static final Logger LOG = LoggerFactory.getLogger(VideoView.class);

    private final FxThread fxThread;
    private final Executor converter;
    private final ImageView imageView = new ImageView();
    private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored");

    /** The newest frame not yet taken by a conversion. */
    private final AtomicReference<Pending> pendingFrame = new AtomicReference<>();
    /** True while a conversion task is submitted or running; one at a time keeps frames in order. */
    private final AtomicBoolean converting = new AtomicBoolean();
    /** The newest converted picture not yet painted; non-null means a paint task is queued. */
    private final AtomicReference<Picture> pendingPicture = new AtomicReference<>();
    /** An RGB buffer back from the FX thread, for the next conversion of the same size. */
    private final AtomicReference<byte[]> spareBuffer = new AtomicReference<>();

    private final LongAdder received = new LongAdder();
    private final LongAdder rendered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile long lastRenderedCaptureTimeNanos = Long.MIN_VALUE;
    /** The content area in screen pixels, from the last layout; 0 before it (convert at full size). */
    private volatile int areaPixelsWidth;
    private volatile int areaPixelsHeight;

    /** False after {@link #detach()}: frames are ignored. Written before {@link #generation}. */
    private volatile boolean rendering = true;
    /** Bumped by {@link #detach()}; frames taken in before it are dropped, never painted after it. */
    private volatile int generation;

    // FX thread only
    private WritableImage image;
    /** Keeps the planes' copies between frames; used only by the running conversion task. */
    private final I420ToRgb toRgb = new I420ToRgb();
    private int rotation;
    private AutoCloseable registration;

    /**
     * @param fxThread where painting happens ({@link FxThread#platform()} in the app)
     * @param converter runs the I420-to-RGB conversions, at most one at a time for this view; a
     *     single thread shared by the app's video views is enough (a 720p frame takes a few ms)
     */
    public VideoView(FxThread fxThread, Executor converter) {
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.converter = Objects.requireNonNull(converter, "converter");
        getStyleClass().add("video-view");
        setBackground(new Background(new BackgroundFill(Color.BLACK, CornerRadii.EMPTY, Insets.EMPTY)));
        imageView.setSmooth(true);
        imageView.setVisible(false);
        getChildren().add(imageView);
        mirrored.addListener((property, was, now) -> requestLayout());
    }

    /** Mirrored left to right, as a local preview is shown. */
    public BooleanProperty mirroredProperty() {
        return mirrored;
    }

    public boolean isMirrored() {
        return mirrored.get();
    }

    public void setMirrored(boolean value) {
        mirrored.set(value);
    }

    /**
     * Shows {@code track}'s frames from now on, in place of the track shown so far (the last
     * picture stays until the new track's first frame replaces it). Call on the FX thread.
     */
    public void attach(MediaStreamTrack track) {
        Objects.requireNonNull(track, "track");
        closeRegistration();
        rendering = true;
        registration = track.addVideoSink(this);
    }

    /**
     * Stops rendering: leaves the track, drops the frames on their way and shows black. Frames
     * that still arrive are ignored until the next {@link #attach}. Call on the FX thread.
     */
    public void detach() {
        closeRegistration();
        rendering = false;
        generation++; // only the FX thread writes it
        if (pendingFrame.getAndSet(null) != null) {
            dropped.increment();
        }
        if (pendingPicture.getAndSet(null) != null) {
            dropped.increment();
        }
        image = null;
        imageView.setImage(null);
        imageView.setVisible(false);
    }

    /** Frames given to this view while it was rendering. */
    public long framesReceived() {
        return received.sum();
    }

    /** Frames painted. */
    public long framesRendered() {
        return rendered.sum();
    }

    /** Frames replaced by a newer one before they were painted, or dropped by {@link #detach()}. */
    public long framesDropped() {
        return dropped.sum();
    }

    /** Capture time of the last painted frame; {@link Long#MIN_VALUE} before the first. */
    public long lastRenderedCaptureTimeNanos() {
        return lastRenderedCaptureTimeNanos;
    }

    /** Takes a frame on any thread; returns at once (the work happens elsewhere). */
    @Override
    public void onFrame(VideoFrame frame) {
        Objects.requireNonNull(frame, "frame");
        int taken = generation; // read before rendering: see detach(), which writes them the other way round
        if (!rendering) {
            return;
        }
        received.increment();
        if (pendingFrame.getAndSet(new Pending(frame, taken)) != null) {
            dropped.increment();
        }
        scheduleConversion();
    }

    private void scheduleConversion() {
        if (!converting.compareAndSet(false, true)) {
            return; // the running conversion takes the new frame when it is done with its own
        }
        try {
            converter.execute(this::convertPending);
        } catch (RejectedExecutionException e) {
            converting.set(false);
            if (pendingFrame.getAndSet(null) != null) {
                dropped.increment();
            }
            LOG.warn("video conversion executor refused a frame; is the view's executor shut down?", e);
        }
    }

    /** Converts pending frames until none is left; one task at a time per view. */
    private void convertPending() {
        try {
            Pending pending;
            while ((pending = pendingFrame.getAndSet(null)) != null) {
                post(convert(pending));
            }
        } catch (RuntimeException e) {
            dropped.increment();
            LOG.warn("could not convert a video frame", e);
        } finally {
            converting.set(false);
        }
        if (pendingFrame.get() != null) {
            scheduleConversion(); // a frame came between the last look and converting = false
        }
    }

    private Picture convert(Pending pending) {
        VideoFrame frame = pending.frame();
        int factor = reduction(frame);
        int size = I420ToRgb.rgbBytes(frame, factor);
        byte[] rgb = spareBuffer.getAndSet(null);
        if (rgb == null || rgb.length != size) {
            rgb = new byte[size];
        }
        toRgb.convertInto(frame, factor, rgb);   // one conversion at a time per view: converting guards it
        return new Picture(I420ToRgb.scaled(frame.width(), factor), I420ToRgb.scaled(frame.height(), factor),
                frame.rotation(), frame.captureTimeNanos(), rgb, pending.generation());
    }

    /**
     * How many times smaller than {@code frame} the picture can be and still cover the view's area
     * pixel for pixel (the image view scales the rest smoothly); 1 when the view is as large as the
     * frame or has not been laid out.
     */
    int reduction(VideoFrame frame) {
        int areaWidth = areaPixelsWidth;
        int areaHeight = areaPixelsHeight;
        if (areaWidth <= 0 || areaHeight <= 0) {
            return 1;
        }
        boolean sideways = frame.rotation() == 90 || frame.rotation() == 270;
        int shownWidth = sideways ? frame.height() : frame.width();
        int shownHeight = sideways ? frame.width() : frame.height();
        // The picture is shown at the smaller of the two scales that fit it (see layoutChildren).
        return Math.max(1, Math.max(shownWidth / areaWidth, shownHeight / areaHeight));
    }

    private void post(Picture picture) {
        Picture replaced = pendingPicture.getAndSet(picture);
        if (replaced != null) {
            dropped.increment(); // its paint task is still queued and will take this one instead
            spareBuffer.set(replaced.rgb());
            return;
        }
        try {
            fxThread.execute(this::paint);
        } catch (RuntimeException e) { // Platform.runLater before the toolkit started
            if (pendingPicture.compareAndSet(picture, null)) {
                dropped.increment();
            }
            LOG.warn("could not hand a video frame to the FX thread", e);
        }
    }

    private void paint() {
        Picture picture = pendingPicture.getAndSet(null);
        if (picture == null) {
            return; // detached meanwhile
        }
        if (picture.generation() != generation) {
            dropped.increment();
            return;
        }
        if (image == null || (int) image.getWidth() != picture.width() || (int) image.getHeight() != picture.height()) {
            image = new WritableImage(picture.width(), picture.height());
            imageView.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(), PixelFormat.getByteRgbInstance(),
                picture.rgb(), 0, picture.width() * 3);
        spareBuffer.set(picture.rgb());
        if (rotation != picture.rotation()) {
            rotation = picture.rotation();
            requestLayout();
        }
        imageView.setVisible(true);
        lastRenderedCaptureTimeNanos = picture.captureTimeNanos();
        rendered.increment();
    }

    /** Fits the picture, turned upright, into the content area, centred; the background shows as bars. */
    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double areaWidth = getWidth() - insets.getLeft() - insets.getRight();
        double areaHeight = getHeight() - insets.getTop() - insets.getBottom();
        rememberAreaInPixels(areaWidth, areaHeight);
        if (image == null) {
            return;
        }
        double pictureWidth = image.getWidth();
        double pictureHeight = image.getHeight();
        boolean sideways = rotation == 90 || rotation == 270;
        double shownWidth = sideways ? pictureHeight : pictureWidth;
        double shownHeight = sideways ? pictureWidth : pictureHeight;
        double scale = Math.min(areaWidth / shownWidth, areaHeight / shownHeight);
        if (!(scale > 0)) {
            imageView.setFitWidth(1); // a fit of 0 would mean the picture's own size
            imageView.setFitHeight(1);
            imageView.setOpacity(0);
            return;
        }
        imageView.setOpacity(1);
        // The fit is in the picture's own orientation; rotating about its centre keeps the centre.
        double fitWidth = pictureWidth * scale;
        double fitHeight = pictureHeight * scale;
        imageView.setFitWidth(fitWidth);
        imageView.setFitHeight(fitHeight);
        imageView.setLayoutX(insets.getLeft() + (areaWidth - fitWidth) / 2);
        imageView.setLayoutY(insets.getTop() + (areaHeight - fitHeight) / 2);
        // A node scales before it rotates, so mirroring on screen after turning upright
        // (mirror · turn) is the same as mirroring first and turning the other way.
        boolean mirror = mirrored.get();
        imageView.setScaleX(mirror ? -1 : 1);
        imageView.setRotate(mirror ? (360 - rotation) % 360 : rotation);
    }

    /** Layout is in points; a HiDPI screen shows more pixels than that, and the picture should cover them. */
    private void rememberAreaInPixels(double areaWidth, double areaHeight) {
        Window window = getScene() == null ? null : getScene().getWindow();
        double scaleX = window == null ? 1 : window.getOutputScaleX();
        double scaleY = window == null ? 1 : window.getOutputScaleY();
        areaPixelsWidth = (int) Math.ceil(areaWidth * scaleX);
        areaPixelsHeight = (int) Math.ceil(areaHeight * scaleY);
    }

    private void closeRegistration() {
        if (registration == null) {
            return;
        }
        try {
            registration.close();
        } catch (Exception e) {
            LOG.warn("could not leave the video track", e);
        }
        registration = null;
    }

    /** A frame waiting for conversion, with the generation it came in. */
    private record Pending(VideoFrame frame, int generation) {}

    /** A converted frame waiting for the FX thread. */
    private record Picture(int width, int height, int rotation, long captureTimeNanos, byte[] rgb, int generation) {}
}
