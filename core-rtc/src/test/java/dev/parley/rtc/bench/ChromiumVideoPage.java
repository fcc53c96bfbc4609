package dev.parley.rtc.bench;

import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The Java side of {@code video-bench.js}: Chromium↔Chromium one-way video calls in one page. */
final class ChromiumVideoPage {
    /** Two seconds of pattern: the loop's jump back is then a rare scene cut, as in real video. */
    static final int PATTERN_FRAMES = 60;

    private final ChromiumPeer browser;

    private ChromiumVideoPage(ChromiumPeer browser) {
        this.browser = browser;
    }

    /**
     * Starts Chromium in {@code ns} with its fake camera playing {@link #PATTERN_FRAMES} frames of our
     * test pattern at {@code width}x{@code height} (a Y4M file {@code y4m}, looped), so it encodes the
     * pictures Parley does.
     */
    static ChromiumPeer startPlayingPattern(NetworkNamespace ns, Path y4m, int width, int height) throws Exception {
        Y4mFile.write(y4m, width, height, PATTERN_FRAMES);
        return ChromiumPeer.start(ns, "--use-file-for-fake-video-capture=" + y4m);
    }

    static ChromiumVideoPage load(ChromiumPeer browser) throws Exception {
        BenchPeers.loadScript(browser, "/dev/parley/rtc/bench/video-bench.js");
        return new ChromiumVideoPage(browser);
    }

    /** Opens the camera at {@code width}x{@code height}@30; returns its settings as Chromium reports them. */
    Map<?, ?> camera(int width, int height) throws Exception {
        return (Map<?, ?>) browser.evalAsync("return await vbench.camera(" + width + ", " + height + ");");
    }

    /**
     * A new call (the previous one hung up); ms from before {@code createOffer} to
     * {@code connected}, {@code track} and, with {@code watchFirstFrame}, {@code firstFrame}.
     */
    Map<?, ?> call(boolean watchFirstFrame) throws Exception {
        return (Map<?, ?>) browser.evalAsync("return await vbench.call(" + watchFirstFrame + ");",
                Duration.ofSeconds(45));
    }

    String firstFrameMethod() throws Exception {
        return (String) browser.eval("vbench.firstFrameMethod");
    }

    VideoSample sample() throws Exception {
        return VideoSample.of((Map<?, ?>) browser.evalAsync("return await vbench.sample();"));
    }

    void hangUp() throws Exception {
        browser.eval("vbench.hangUp()");
    }

    /** Chromium's CPU time so far, every process of it. */
    Duration cpuTime() {
        return browser.cpuTime();
    }
}
