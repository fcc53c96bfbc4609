package dev.parley.rtc.bench;

import dev.parley.rtc.testutil.ChromiumInNamespace;
import dev.parley.rtc.testutil.ChromiumPeer;
import java.io.IOException;
import java.nio.file.Files;
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
     * Chromium in a test namespace of its own, its fake camera playing {@link #PATTERN_FRAMES} frames
     * of our test pattern (a Y4M file in a temporary directory, looped) so that it encodes the
     * pictures Parley does, with this page loaded. Closing stops Chromium and removes the namespace
     * and the file.
     */
    static final class PlayingPattern implements AutoCloseable {
        private final Path dir;
        private final ChromiumInNamespace chromium;
        final ChromiumVideoPage page;

        PlayingPattern(String hostIp, String nsIp, int width, int height) throws Exception {
            dir = Files.createTempDirectory("parley-pattern");
            Path y4m = dir.resolve("pattern.y4m");
            try {
                Y4mFile.write(y4m, width, height, PATTERN_FRAMES);
                chromium = ChromiumInNamespace.start(hostIp, nsIp, "--use-file-for-fake-video-capture=" + y4m);
            } catch (Exception | Error e) {
                deleteFile();
                throw e;
            }
            try {
                page = load(chromium.chromium());
            } catch (Exception | Error e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                chromium.close();
            } finally {
                deleteFile();
            }
        }

        private void deleteFile() throws IOException {
            Files.deleteIfExists(dir.resolve("pattern.y4m"));
            Files.deleteIfExists(dir);
        }
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
