package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneDetector;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.ChromiumScripts;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.ChromiumInNamespace;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Parley {@link RTCPeerConnection} against headless Chromium 156 in a network namespace the
 * test creates: ICE, DTLS 1.2 (Chromium offers 1.3 and falls back), SRTP and Opus audio both ways,
 * with Parley as offerer and as answerer, renegotiation both ways, and a forged fingerprint.
 *
 * <pre>
 *   Parley  10.213.61.1 ── veth ── 10.213.61.2  Chromium (fake microphone beeps, fake camera)
 * </pre>
 */
class PeerConnectionChromiumInteropIT {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnectionChromiumInteropIT.class);
    private static final String HOST_IP = "10.213.61.1";
    private static final String NS_IP = "10.213.61.2";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Chromium adds a track of a WebAudio 660 Hz sine at half scale (window.toneContext plays it). */
    private static final String CHROMIUM_SENDS_660_HZ = "window.toneContext = new AudioContext({sampleRate: 48000});\n"
            + "const oscillator = toneContext.createOscillator(); oscillator.frequency.value = 660;\n"
            + "const gain = toneContext.createGain(); gain.gain.value = 0.5;\n"
            + "const out = toneContext.createMediaStreamDestination();\n"
            + "oscillator.connect(gain).connect(out); oscillator.start();\n"
            + "pc.addTrack(out.stream.getAudioTracks()[0], out.stream);\n";
    /** A half-scale sine's RMS, -20·log10(0.5/√2): what both sides' tones measure, in dBov. */
    private static final double HALF_SCALE_SINE_DBOV = 20 * Math.log10(0.5 / Math.sqrt(2));

    private static ChromiumInNamespace browser;
    private static ChromiumPeer chromium;

    private RealNet net;
    private RTCPeerConnection parley;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final LinkedBlockingQueue<RTCTrackEvent> parleyTracks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> parleyGathered = new CompletableFuture<>();
    private final CompletableFuture<RTCPeerConnectionState> parleyConnected = new CompletableFuture<>();

    @BeforeAll
    static void namespaceAndChromium() throws Exception {
        browser = ChromiumInNamespace.start(HOST_IP, NS_IP, "--autoplay-policy=no-user-gesture-required");
        chromium = browser.chromium();
    }

    @AfterAll
    static void stopChromiumAndNamespace() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void parleyPeer() throws Exception {
        parleyPeer(MediaEngine.defaults());
    }

    /** A fresh Chromium pc and a Parley pc offering {@code engine}'s codecs. */
    private void parleyPeer(MediaEngine engine) throws Exception {
        chromium.eval("window.pc && window.pc.close(); window.pc = new RTCPeerConnection();"
                + "window.remoteAudio = []; pc.ontrack = e => { const a = new Audio();"
                + " a.srcObject = e.streams[0] || new MediaStream([e.track]); a.play(); remoteAudio.push(a); }; true");
        net = new RealNet();
        InetAddress host = InetAddress.getByName(HOST_IP);
        IceSettings ice = IceSettings.DEFAULTS.toBuilder().addressFilter(a -> a.address().equals(host))
                .includeIpv6(false).gatherTcp(false).build();
        parley = new RTCPeerConnection(RTCConfiguration.defaults(), EngineSettings.builder().net(net).ice(ice).build(),
                engine);
        parley.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                if (candidate == null) {
                    parleyGathered.complete(null);
                }
            }

            @Override
            public void onTrack(RTCTrackEvent event) {
                parleyTracks.add(event);
            }

            @Override
            public void onConnectionStateChange(RTCPeerConnectionState state) {
                if (state == RTCPeerConnectionState.CONNECTED || state == RTCPeerConnectionState.FAILED) {
                    parleyConnected.complete(state);
                }
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        resources.clear();
        parley.close();
        net.close();
    }

    private MediaStreamTrack tone(int hz) {
        AudioTrackSource source = new AudioTrackSource();
        resources.add(new PacedAudioSource(new ToneGenerator(hz, 0.5, 48_000, 1), source).start());
        resources.add(source::close);
        return source.createTrack(hz + " Hz");
    }

    /** Parley's complete description (candidates included) once gathering finished. */
    private String parleyDescription() throws Exception {
        parleyGathered.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return parley.localDescription().sdp();
    }

    /** Chromium takes Parley's offer, adds its fake microphone and answers once gathering completed. */
    private static String chromiumAnswersWithMicrophone(String offer) throws Exception {
        return (String) chromium.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                + Json.quote(offer) + "});\n"
                + "const mic = await navigator.mediaDevices.getUserMedia({audio: true});\n"
                + "pc.addTrack(mic.getAudioTracks()[0], mic);\n"
                + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;", TIMEOUT);
    }

    /** Chromium's inbound audio as its getStats sees it, waiting until it carries energy. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chromiumInboundAudioWithEnergy(int streams) throws Exception {
        Object result = chromium.evalAsync("const deadline = performance.now() + 10000;\n"
                + "while (true) {\n"
                + "  const inbound = [];\n"
                + "  const report = await pc.getStats();\n"
                + "  report.forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'audio')"
                + "    inbound.push({ssrc: s.ssrc, packetsReceived: s.packetsReceived, totalAudioEnergy: s.totalAudioEnergy || 0,"
                + "      codecId: s.codecId, mid: s.mid, mimeType: (report.get(s.codecId) || {}).mimeType || '',"
                + "      concealedSamples: s.concealedSamples || 0, totalSamplesReceived: s.totalSamplesReceived || 0}); });\n"
                + "  const loud = inbound.filter(s => s.totalAudioEnergy > 0);\n"
                + "  if (loud.length >= " + streams + " || performance.now() > deadline) return inbound;\n"
                + "  await new Promise(r => setTimeout(r, 100));\n"
                + "}", TIMEOUT);
        LOG.info("Chromium inbound audio: {}", Json.write(result));
        return (List<Map<String, Object>>) result;
    }

    /** Energy of what Parley's remote track delivers over {@code frames} 10 ms frames. */
    private static double parleyReceivedEnergy(RTCTrackEvent event, int frames) throws Exception {
        DoubleAdder energy = new DoubleAdder();
        AtomicLong count = new AtomicLong();
        CompletableFuture<Void> enough = new CompletableFuture<>();
        AutoCloseable sink = event.track().addAudioSink(frame -> {
            double sum = 0;
            for (short s : frame.samples()) {
                sum += (s / 32768.0) * (s / 32768.0);
            }
            energy.add(sum);
            if (count.incrementAndGet() >= frames) {
                enough.complete(null);
            }
        });
        enough.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        sink.close();
        return energy.sum();
    }

    @Test
    void parleyOffersChromiumAnswers_audioBothWays() throws Exception {
        parley.addTrack(tone(440), new MediaStream());
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String offer = parleyDescription();

        assertTrue(offer.contains("a=rtpmap:111 opus/48000/2") && offer.contains("a=fmtp:111 minptime=10;useinbandfec=1"),
                "Parley offers Opus as Chromium does: " + offer);
        String answer = chromiumAnswersWithMicrophone(offer);
        MediaDescription audio = SessionDescription.parse(answer).media().get(0);
        assertEquals("111", audio.formats().get(0), "Chromium answers with Opus first: " + audio.formats());
        parley.setRemoteDescription(RTCSessionDescription.answer(answer)).get(5, TimeUnit.SECONDS);

        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        chromium.evalAsync(ChromiumScripts.awaitConnectionState("connected") + "return true;", TIMEOUT);
        assertAudioBothWays(1);
        assertDtlsWithChromium();
        assertRtcpRoundTripBothWays();
    }

    /**
     * Opus carries a tone each way intact: Chromium sends a 660 Hz WebAudio oscillator, which
     * Parley's remote track plays at 48 kHz with 660 Hz dominant; Parley sends 440 Hz, which a
     * WebAudio analyser on Chromium's remote track finds as its strongest frequency.
     */
    @Test
    void parleyOffersChromiumAnswers_opusTonesBothWays_eachHearsTheOthersFrequency() throws Exception {
        parley.addTrack(tone(440), new MediaStream());
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String answer = (String) chromium.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                + Json.quote(parleyDescription()) + "});\n"
                + CHROMIUM_SENDS_660_HZ
                + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;", TIMEOUT);
        parley.setRemoteDescription(RTCSessionDescription.answer(answer)).get(5, TimeUnit.SECONDS);
        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));

        RTCTrackEvent event = parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(event != null, "Parley gets Chromium's oscillator track");
        Loopback.listen(event.track(), 50); // let the jitter buffer settle past the call's first packets
        ToneDetector heard = Loopback.listen(event.track(), 100);
        LOG.info("Parley hears Chromium at {} Hz, {} of full scale at 660 Hz", heard.dominantFrequency(),
                heard.amplitudeAt(660));
        assertEquals(48_000, heard.sampleRate());
        assertTrue(heard.dominantAt(660, 10), "Parley decodes Chromium's Opus 660 Hz: " + heard.dominantFrequency());

        @SuppressWarnings("unchecked")
        Map<String, Object> peak = (Map<String, Object>) chromium.evalAsync(
                "const track = pc.getReceivers().map(r => r.track).find(t => t.kind === 'audio');\n"
                + "const source = toneContext.createMediaStreamSource(new MediaStream([track]));\n"
                + "const analyser = toneContext.createAnalyser(); analyser.fftSize = 8192;\n"
                + "source.connect(analyser);\n"
                + "await new Promise(r => setTimeout(r, 1500));\n"
                + "const bins = new Float32Array(analyser.frequencyBinCount); analyser.getFloatFrequencyData(bins);\n"
                + "let best = 1; for (let i = 1; i < bins.length; i++) if (bins[i] > bins[best]) best = i;\n"
                + "const sorted = Array.from(bins).filter(Number.isFinite).sort((a, b) => a - b);\n"
                + "return {hz: best * toneContext.sampleRate / analyser.fftSize, db: bins[best],"
                + " medianDb: sorted.length ? sorted[sorted.length >> 1] : -1000};", TIMEOUT);
        LOG.info("Chromium hears Parley: {}", Json.write(peak));
        double hz = ((Number) peak.get("hz")).doubleValue();
        assertTrue(Math.abs(hz - 440) <= 12, "Chromium decodes Parley's Opus 440 Hz: " + Json.write(peak));
        double aboveMedian = ((Number) peak.get("db")).doubleValue() - ((Number) peak.get("medianDb")).doubleValue();
        assertTrue(aboveMedian > 30, "a clean tone, far above the spectrum's median bin: " + Json.write(peak));
    }

    /**
     * ssrc-audio-level (RFC 6464) with a real browser: Parley offers it with Chromium's id 1 and
     * Chromium accepts it; Chromium's receiver.getSynchronizationSources() lists Parley's SSRC with
     * the level Parley measured for its half-scale tone (-9 dBov) and its inbound-rtp audioLevel
     * hears it; Parley's getSynchronizationSources() lists Chromium's SSRC with the level of
     * Chromium's half-scale oscillator.
     */
    @Test
    @SuppressWarnings("unchecked")
    void parleyOffersChromiumAnswers_audioLevelExtension_eachListsTheOthersSourceWithItsLevel() throws Exception {
        RTCRtpSender sender = parley.addTrack(tone(440), new MediaStream());
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String answer = (String) chromium.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                + Json.quote(parleyDescription()) + "});\n" + CHROMIUM_SENDS_660_HZ
                + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;", TIMEOUT);
        assertTrue(answer.contains("a=extmap:1 " + MediaEngine.AUDIO_LEVEL_EXTENSION), "Chromium accepts id 1: " + answer);
        parley.setRemoteDescription(RTCSessionDescription.answer(answer)).get(5, TimeUnit.SECONDS);
        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));

        Map<String, Object> atChromium = (Map<String, Object>) chromium.evalAsync(
                "const receiver = pc.getReceivers().find(r => r.track.kind === 'audio');\n"
                + "const deadline = performance.now() + 10000;\n"
                + "while (true) {\n"
                + "  const sources = receiver.getSynchronizationSources();\n"
                + "  let inbound = null; (await pc.getStats()).forEach(s => {"
                + " if (s.type === 'inbound-rtp' && s.kind === 'audio') inbound = s; });\n"
                + "  const inboundLevel = inbound && inbound.audioLevel || 0;\n"
                + "  if ((sources.some(s => s.audioLevel > 0) && inboundLevel > 0) || performance.now() > deadline)\n"
                + "    return {sources: sources.map(s => ({source: s.source, audioLevel: s.audioLevel,"
                + " rtpTimestamp: s.rtpTimestamp, ageMs: performance.timeOrigin + performance.now() - s.timestamp})),"
                + " inboundAudioLevel: inboundLevel};\n"
                + "  await new Promise(r => setTimeout(r, 100));\n"
                + "}", TIMEOUT);
        LOG.info("Chromium's synchronization sources for Parley's tone (SSRC {}): {}", sender.ssrc(), Json.write(atChromium));
        List<Map<String, Object>> sources = (List<Map<String, Object>>) atChromium.get("sources");
        Map<String, Object> parleyTone = sources.stream()
                .filter(s -> ((Number) s.get("source")).longValue() == sender.ssrc()).findFirst()
                .orElseThrow(() -> new AssertionError("Chromium lists Parley's SSRC: " + Json.write(atChromium)));
        double chromiumHeard = ((Number) parleyTone.getOrDefault("audioLevel", 0)).doubleValue();
        assertTrue(chromiumHeard > 0, "Chromium reads a level from Parley's packets: " + Json.write(atChromium));
        assertEquals(HALF_SCALE_SINE_DBOV, 20 * Math.log10(chromiumHeard), 2.0,
                "the level Parley sent for its tone: " + Json.write(atChromium));
        assertTrue(((Number) atChromium.get("inboundAudioLevel")).doubleValue() > 0,
                "Chromium's inbound-rtp audioLevel hears the tone: " + Json.write(atChromium));

        RTCTrackEvent event = parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(event != null, "Parley gets Chromium's oscillator track");
        Map<String, Object> chromiumOutbound = (Map<String, Object>) chromium.evalAsync(
                ChromiumScripts.statsOf("outbound-rtp", "audio", "ssrc"), TIMEOUT);
        long chromiumSsrc = ((Number) chromiumOutbound.get("ssrc")).longValue();
        RTCRtpSynchronizationSource heard = Loopback.awaitLeveledSource(event.receiver(), chromiumSsrc);
        LOG.info("Parley's synchronization sources: {}", event.receiver().getSynchronizationSources());
        double parleyHeard = heard.audioLevel().getAsDouble();
        assertEquals(HALF_SCALE_SINE_DBOV, 20 * Math.log10(parleyHeard), 2.0, "Chromium's oscillator level: " + heard);
        assertEquals(0, event.receiver().malformedAudioLevels(), "Chromium's elements are well formed");
    }

    /**
     * RTCP works with a real peer: Chromium's receiver reports about our stream give Parley a
     * round-trip time (remote-inbound-rtp), and our reports give Chromium one.
     */
    @SuppressWarnings("unchecked")
    private void assertRtcpRoundTripBothWays() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        RTCStats remoteInbound = null;
        while (System.nanoTime() < deadline) {
            List<RTCStats> found = parley.getStats().get(5, TimeUnit.SECONDS).ofType("remote-inbound-rtp");
            if (!found.isEmpty() && found.get(0).get("roundTripTime").isPresent()) {
                remoteInbound = found.get(0);
                break;
            }
            TimeUnit.MILLISECONDS.sleep(200); // polling stats: no event tells when an RR arrived
        }
        assertTrue(remoteInbound != null, "Parley gets an RTT from Chromium's receiver reports");
        LOG.info("Parley remote-inbound-rtp: {}", remoteInbound);
        assertTrue(remoteInbound.getDouble("roundTripTime") < 0.5, "a sane RTT on one veth link: " + remoteInbound);
        Map<String, Object> chromiumRemote = (Map<String, Object>) chromium.evalAsync(
                "const deadline = performance.now() + 15000;\n"
                + "while (performance.now() < deadline) {\n"
                + "  let r = null; (await pc.getStats()).forEach(s => { if (s.type === 'remote-inbound-rtp'"
                + "    && s.kind === 'audio' && s.roundTripTime !== undefined) r = s; });\n"
                + "  if (r) return {roundTripTime: r.roundTripTime, packetsLost: r.packetsLost, fractionLost: r.fractionLost};\n"
                + "  await new Promise(res => setTimeout(res, 200));\n"
                + "}\n"
                + "return null;", TIMEOUT);
        LOG.info("Chromium remote-inbound-rtp: {}", Json.write(chromiumRemote));
        assertTrue(chromiumRemote != null, "Chromium gets an RTT from Parley's sender and receiver reports");
    }

    @Test
    void chromiumOffersParleyAnswers_fullOffer_audioBothWays() throws Exception {
        String offer = (String) chromium.evalAsync(
                "const media = await navigator.mediaDevices.getUserMedia({audio: true, video: true});\n"
                + "media.getTracks().forEach(t => pc.addTrack(t, media));\n"
                + "window.dc = pc.createDataChannel('chat');\n"
                + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;", TIMEOUT);
        parley.setRemoteDescription(RTCSessionDescription.offer(offer)).get(5, TimeUnit.SECONDS);
        parley.addTrack(tone(440), new MediaStream());
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String answer = parleyDescription();

        SessionDescription parsed = SessionDescription.parse(answer);
        SessionDescription offered = SessionDescription.parse(offer);
        assertEquals(offered.media().size(), parsed.media().size(), "one answer m-line per offered m-line");
        for (int i = 0; i < parsed.media().size(); i++) {
            MediaDescription m = parsed.media().get(i);
            assertEquals(offered.media().get(i).mid(), m.mid());
            LOG.info("answer m-line {}: {} port {} {}", i, m.type(), m.port(), m.formats());
        }

        chromium.evalAsync("await pc.setRemoteDescription({type: 'answer', sdp: " + Json.quote(answer) + "});\n"
                + ChromiumScripts.awaitConnectionState("connected") + "return true;", TIMEOUT);
        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        assertAudioBothWays(1);
    }

    /**
     * Issue #6 with a real browser, in each video codec and both roles: Parley sends its 1280x720
     * test pattern and a tone, Chromium its fake camera and microphone. Chromium decodes Parley's
     * video at 1280 wide and ≥ 25 fps and hears the Opus tone; Parley decodes Chromium's camera at
     * ≥ 25 fps and its Opus beeps. Both sides' stats name the codec the test asked for.
     */
    @ParameterizedTest(name = "{0}, Parley offers: {1}")
    @CsvSource({"VP8, true", "VP8, false", "H264, true", "H264, false"})
    void hdVideoAndOpus_bothWays_eachDecodesTheOther(String codec, boolean parleyOffers) throws Exception {
        close();
        parleyPeer(new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
                .withPreference(MediaKind.AUDIO, List.of("opus"))
                .withPreference(MediaKind.VIDEO, List.of(codec)), MediaEngine.defaultExtensions()));
        String chromiumMedia = "window.videos = []; pc.ontrack = e => { const el = document.createElement(e.track.kind);"
                + " el.muted = e.track.kind === 'video'; el.autoplay = true;"
                + " el.srcObject = e.streams[0] || new MediaStream([e.track]); document.body.appendChild(el); el.play(); };\n"
                + "const media = await navigator.mediaDevices.getUserMedia({audio: true,"
                + " video: {width: 1280, height: 720, frameRate: 30}});\n"
                + "media.getTracks().forEach(t => pc.addTrack(t, media));\n";
        MediaStream parleyStream = new MediaStream();
        VideoTrackSource camera = new VideoTrackSource();
        resources.add(new PacedVideoSource(new TestPattern(1280, 720), 30, camera).start());
        resources.add(camera);
        if (parleyOffers) {
            parley.addTrack(tone(440), parleyStream);
            parley.addTrack(camera.createTrack("test pattern"), parleyStream);
            parley.setLocalDescription().get(5, TimeUnit.SECONDS);
            String answer = (String) chromium.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                    + Json.quote(parleyDescription()) + "});\n" + chromiumMedia
                    + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED + "return pc.localDescription.sdp;", TIMEOUT);
            parley.setRemoteDescription(RTCSessionDescription.answer(answer)).get(5, TimeUnit.SECONDS);
        } else {
            String offer = (String) chromium.evalAsync(chromiumMedia + "await pc.setLocalDescription();\n"
                    + ChromiumScripts.AWAIT_GATHERED + "return pc.localDescription.sdp;", TIMEOUT);
            parley.setRemoteDescription(RTCSessionDescription.offer(offer)).get(5, TimeUnit.SECONDS);
            parley.addTrack(tone(440), parleyStream);
            parley.addTrack(camera.createTrack("test pattern"), parleyStream);
            parley.setLocalDescription().get(5, TimeUnit.SECONDS);
            chromium.evalAsync("await pc.setRemoteDescription({type: 'answer', sdp: " + Json.quote(parleyDescription())
                    + "}); return true;", TIMEOUT);
        }
        assertEquals(RTCPeerConnectionState.CONNECTED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        chromium.evalAsync(ChromiumScripts.awaitConnectionState("connected") + "return true;", TIMEOUT);

        RTCTrackEvent video = null;
        RTCTrackEvent audio = null;
        while (video == null || audio == null) {
            RTCTrackEvent event = parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(event != null, "Parley gets Chromium's camera and microphone tracks");
            if (event.track().kind().equals("video")) {
                video = event;
            } else {
                audio = event;
            }
        }
        double parleyFps = decodedFramesPerSecond(video.track());
        LOG.info("{}: Parley decodes Chromium's camera at {} fps", codec, String.format("%.1f", parleyFps));
        assertTrue(parleyFps >= 25, codec + ": Parley decodes Chromium's camera at " + parleyFps + " fps");
        assertTrue(parleyReceivedEnergy(audio, 150) > 0, "Parley hears Chromium's Opus beeps");

        Map<String, Object> before = chromiumInboundVideo();
        double[] qpBefore = videoQpCounts();
        Thread.sleep(2000); // a measuring window for Chromium's framesDecoded
        Map<String, Object> after = chromiumInboundVideo();
        assertAverageQpAgrees(codec, qpBefore, videoQpCounts());
        double chromiumFps = (((Number) after.get("framesDecoded")).doubleValue()
                - ((Number) before.get("framesDecoded")).doubleValue()) / 2.0;
        LOG.info("{}: Chromium decodes Parley's pattern at {} fps: {}", codec, chromiumFps, after);
        assertEquals(1280, ((Number) after.get("frameWidth")).intValue(), "Chromium's inbound-rtp frameWidth");
        assertTrue(chromiumFps >= 25, codec + ": Chromium decodes Parley's video at " + chromiumFps + " fps: " + after);
        assertTrue(chromiumInboundAudioWithEnergy(1).stream()
                .anyMatch(s -> ((Number) s.get("totalAudioEnergy")).doubleValue() > 0), "Chromium hears Parley's Opus tone");

        assertEquals(List.of("audio/opus", "video/" + codec), chromiumInboundCodecs(), "Chromium decodes what was asked");
        RTCStatsReport stats = parley.getStats().get(5, TimeUnit.SECONDS);
        List<String> parleyCodecs = stats.ofType("inbound-rtp").stream()
                .map(in -> in.getString("codecId").orElseThrow())
                .map(id -> stats.ofType("codec").stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow())
                .map(c -> c.getString("mimeType").orElseThrow()).sorted().toList();
        assertEquals(List.of("audio/opus", "video/" + codec), parleyCodecs, "Parley decodes what was asked");
    }

    /**
     * qpSum and frame counts of both video streams, read from both ends at one moment: Chromium's
     * outbound and Parley's inbound (Chromium's encoder), Parley's outbound and Chromium's inbound.
     */
    private double[] videoQpCounts() throws Exception {
        @SuppressWarnings("unchecked")
        List<Number> chromiumCounts = (List<Number>) chromium.evalAsync("let o, i; (await pc.getStats()).forEach(s => {"
                + " if (s.kind === 'video' && s.type === 'outbound-rtp') o = s;"
                + " if (s.kind === 'video' && s.type === 'inbound-rtp') i = s; });\n"
                + "return [o.qpSum, o.framesEncoded, i.qpSum, i.framesDecoded];", TIMEOUT);
        RTCStatsReport report = parley.getStats().get(5, TimeUnit.SECONDS);
        RTCStats in = report.ofType("inbound-rtp").stream().filter(st -> "video".equals(st.getString("kind").orElse("")))
                .findFirst().orElseThrow();
        RTCStats out = report.ofType("outbound-rtp").stream().filter(st -> "video".equals(st.getString("kind").orElse("")))
                .findFirst().orElseThrow();
        return new double[] {chromiumCounts.get(0).doubleValue(), chromiumCounts.get(1).doubleValue(),
                in.getLong("qpSum"), in.getLong("framesDecoded"),
                out.getLong("qpSum"), out.getLong("framesEncoded"),
                chromiumCounts.get(2).doubleValue(), chromiumCounts.get(3).doubleValue()};
    }

    /**
     * Over one window, a stream's average QP as its receiver reads it from the bitstream equals the
     * average its sender reports (±10% or ±2 QP: the ends' windows are a few frames apart). Parley's
     * parsers against Chromium's encoders, and Chromium's parsers against Parley's.
     */
    private static void assertAverageQpAgrees(String codec, double[] before, double[] after) {
        String[] streams = {"Chromium's encoder (Chromium sends, Parley decodes)", "Parley's encoder (Parley sends, Chromium decodes)"};
        for (int stream = 0; stream < 2; stream++) {
            int at = stream * 4;
            double sent = (after[at] - before[at]) / (after[at + 1] - before[at + 1]);
            double received = (after[at + 2] - before[at + 2]) / (after[at + 3] - before[at + 3]);
            LOG.info("{} average QP over 2 s, {}: sender {} over {} frames, receiver {} over {} frames", codec,
                    streams[stream], String.format("%.2f", sent), after[at + 1] - before[at + 1],
                    String.format("%.2f", received), after[at + 3] - before[at + 3]);
            assertTrue(sent > 0 && received > 0, codec + ", " + streams[stream] + ": QP known at both ends");
            assertTrue(Math.abs(sent - received) <= Math.max(2, 0.1 * sent), codec + ", " + streams[stream]
                    + ": the receiver's average QP " + received + " is the sender's " + sent);
        }
    }

    /** Frames per second the track delivers, counted over 3 s after its first frame. */
    private static double decodedFramesPerSecond(MediaStreamTrack track) throws Exception {
        LinkedBlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        try (AutoCloseable sink = track.addVideoSink(frames::add)) {
            assertTrue(frames.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS) != null, "a first decoded frame");
            frames.clear();
            long start = System.nanoTime();
            Thread.sleep(3000); // a measuring window: frames are counted over it, not awaited
            return frames.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The mime types of what Chromium receives, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> chromiumInboundCodecs() throws Exception {
        return (List<String>) chromium.evalAsync("const stats = await pc.getStats(); const types = [];\n"
                + "stats.forEach(s => { if (s.type === 'inbound-rtp' && s.codecId) types.push(stats.get(s.codecId).mimeType); });\n"
                + "return types.sort();", TIMEOUT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chromiumInboundVideo() throws Exception {
        return (Map<String, Object>) chromium.evalAsync("const deadline = performance.now() + 10000;\n"
                + "while (performance.now() < deadline) {\n"
                + "  let found; (await pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video'"
                + " && s.framesDecoded > 0) found = s; });\n"
                + "  if (found) return {framesDecoded: found.framesDecoded, frameWidth: found.frameWidth,"
                + " frameHeight: found.frameHeight, framesPerSecond: found.framesPerSecond || 0,"
                + " packetsLost: found.packetsLost, keyFramesDecoded: found.keyFramesDecoded};\n"
                + "  await new Promise(r => setTimeout(r, 100));\n"
                + "}\n"
                + "throw new Error('Chromium decoded no video');", TIMEOUT);
    }

    @Test
    void renegotiation_bothWays_addsTracksMidCall() throws Exception {
        parleyOffersChromiumAnswers_audioBothWays();

        // Parley adds a second tone: Parley offers again.
        parley.addTrack(tone(880), new MediaStream());
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String reoffer = parley.localDescription().sdp();
        String reanswer = (String) chromium.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                + Json.quote(reoffer) + "});\n"
                + "await pc.setLocalDescription(); return pc.localDescription.sdp;", TIMEOUT);
        parley.setRemoteDescription(RTCSessionDescription.answer(reanswer)).get(5, TimeUnit.SECONDS);
        assertTrue(chromiumInboundAudioWithEnergy(2).stream()
                .filter(s -> ((Number) s.get("totalAudioEnergy")).doubleValue() > 0).count() >= 2,
                "Chromium hears both of Parley's tones");

        // Chromium adds a second microphone track: Chromium offers.
        String chromiumOffer = (String) chromium.evalAsync(
                "const mic2 = await navigator.mediaDevices.getUserMedia({audio: true});\n"
                + "pc.addTrack(mic2.getAudioTracks()[0], mic2);\n"
                + "await pc.setLocalDescription(); return pc.localDescription.sdp;", TIMEOUT);
        parley.setRemoteDescription(RTCSessionDescription.offer(chromiumOffer)).get(5, TimeUnit.SECONDS);
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        chromium.evalAsync("await pc.setRemoteDescription({type: 'answer', sdp: "
                + Json.quote(parley.localDescription().sdp()) + "}); return true;", TIMEOUT);
        RTCTrackEvent second = parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(second != null, "Parley gets a track event for Chromium's second microphone track");
        assertTrue(parleyReceivedEnergy(second, 150) > 0, "Parley hears the second track's beeps");
        assertEquals(RTCPeerConnectionState.CONNECTED, parley.connectionState());
    }

    @Test
    void forgedFingerprint_failsWithNoMediaDelivered() throws Exception {
        parley.addTrack(tone(440), new MediaStream());
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        String offer = parleyDescription();
        String answer = chromiumAnswersWithMicrophone(offer);
        // An attacker on the signalling path swaps Chromium's fingerprint for another certificate's.
        RTCCertificate other = RTCPeerConnection.generateCertificate().get(10, TimeUnit.SECONDS);
        String forged = answer.replaceAll("a=fingerprint:sha-256 [0-9A-F:]+",
                "a=" + other.getFingerprints().get(0).toAttribute().toString().replaceFirst("^a=", ""));
        assertTrue(!forged.equals(answer), "the fingerprint was replaced");
        parley.setRemoteDescription(RTCSessionDescription.answer(forged)).get(5, TimeUnit.SECONDS);

        assertEquals(RTCPeerConnectionState.FAILED, parleyConnected.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        chromium.evalAsync(ChromiumScripts.awaitConnectionState("failed") + "return true;", TIMEOUT);
        RTCTrackEvent track = parleyTracks.poll(1, TimeUnit.SECONDS);
        RTCStatsReport stats = parley.getStats().get(5, TimeUnit.SECONDS);
        assertTrue(stats.ofType("inbound-rtp").isEmpty(), "no media delivered: " + stats.ofType("inbound-rtp"));
        assertEquals("failed", stats.ofType("transport").get(0).getString("dtlsState").orElseThrow());
        List<Map<String, Object>> inbound = chromiumInboundAudioWithEnergy(0);
        assertTrue(inbound.stream().allMatch(s -> ((Number) s.getOrDefault("packetsReceived", 0)).longValue() == 0),
                "Chromium decrypted nothing from Parley: " + inbound);
        LOG.info("track event with forged fingerprint: {}", track);
    }

    private void assertAudioBothWays(int parleyStreams) throws Exception {
        List<Map<String, Object>> inbound = chromiumInboundAudioWithEnergy(parleyStreams);
        List<Map<String, Object>> loud = inbound.stream()
                .filter(s -> ((Number) s.get("totalAudioEnergy")).doubleValue() > 0).toList();
        assertTrue(!loud.isEmpty(), "Chromium's inbound-rtp shows energy from Parley's tone: " + inbound);
        assertTrue(loud.stream().allMatch(s -> "audio/opus".equals(s.get("mimeType"))),
                "Chromium decodes Parley's Opus: " + inbound);
        RTCTrackEvent event = null;
        while (event == null || !event.track().kind().equals("audio")) {
            event = parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(event != null, "Parley gets Chromium's audio track");
        }
        // The fake microphone beeps about once a second: listen for 1.5 s.
        double energy = parleyReceivedEnergy(event, 150);
        assertTrue(energy > 0, "Parley receives Chromium's beeps with energy");
        RTCStatsReport stats = parley.getStats().get(5, TimeUnit.SECONDS);
        RTCStats in = stats.ofType("inbound-rtp").stream().filter(s -> "audio".equals(s.getString("kind").orElse("")))
                .findFirst().orElseThrow();
        assertTrue(in.getDouble("totalAudioEnergy") > 0, "Parley's inbound-rtp shows energy: " + in);
        RTCStats codec = stats.get(in.getString("codecId").orElseThrow()).orElseThrow();
        assertEquals("audio/opus", codec.getString("mimeType").orElseThrow(), "Parley decodes Chromium's Opus");
        assertTrue(in.getLong("jitterBufferEmittedCount") > 0, "through the jitter buffer: " + in);
        LOG.info("Parley inbound: {}", in);
    }

    private void assertDtlsWithChromium() throws Exception {
        RTCStats transport = parley.getStats().get(5, TimeUnit.SECONDS).ofType("transport").get(0);
        LOG.info("Parley transport: {}", transport);
        assertEquals("FEFD", transport.getString("tlsVersion").orElseThrow(), "DTLS 1.2 with Chromium");
        Object chromiumTransport = chromium.evalAsync("let t; (await pc.getStats()).forEach(s => { if (s.type === 'transport') t = s; });"
                + " return {tlsVersion: t.tlsVersion, dtlsCipher: t.dtlsCipher, srtpCipher: t.srtpCipher, dtlsRole: t.dtlsRole};",
                TIMEOUT);
        LOG.info("Chromium transport: {}", Json.write(chromiumTransport));
        assertEquals("FEFD", ((Map<?, ?>) chromiumTransport).get("tlsVersion"));
    }
}
