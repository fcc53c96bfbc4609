package dev.parley.rtc;

import dev.parley.rtc.testutil.JvmInNamespace;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@link ImpairedLinkCalls} with Parley at both ends: the far one a {@link NamespaceMediaPeer} in
 * a second JVM inside the namespace, timing the frames it decodes as Parley's side does.
 *
 * <pre>
 *   Parley  10.213.68.1 ── veth (tbf) ── 10.213.68.2  Parley (JVM in the namespace; delay line, loss rule)
 * </pre>
 */
class MediaImpairmentParleyInteropIT extends ImpairedLinkCalls {
    private static final String HOST_IP = "10.213.68.1";
    private static final String NS_IP = "10.213.68.2";

    private NetworkNamespace ns;
    private JvmInNamespace far;
    private Map<String, Object> windowStart;

    @Override
    String hostIp() {
        return HOST_IP;
    }

    @Override
    NetworkNamespace startFarEnd() throws Exception {
        ns = NetworkNamespace.create(HOST_IP, NS_IP);
        far = JvmInNamespace.start(ns, NamespaceMediaPeer.class);
        return ns;
    }

    @Override
    String farAnswers(String offer) throws Exception {
        String answer = far.call("answer " + NS_IP + " "
                + Base64.getEncoder().encodeToString(offer.getBytes(StandardCharsets.UTF_8)));
        return new String(Base64.getDecoder().decode(answer), StandardCharsets.UTF_8);
    }

    @Override
    void farWindowStarts() throws Exception {
        far.call("window");
        windowStart = inboundVideo();
    }

    @Override
    FarVideo farWindowEnds() throws Exception {
        String[] frames = far.call("frames").split(" ");
        Map<String, Object> end = inboundVideo();
        return new FarVideo(Double.parseDouble(frames[0]), Double.parseDouble(frames[1]), (long) num(end, "nackCount"),
                (long) (num(end, "packetsLost") - num(windowStart, "packetsLost")),
                (long) (num(end, "packetsReceived") - num(windowStart, "packetsReceived")),
                "longest gap " + frames[2] + " ms, gaps over 200 ms " + frames[3] + ", " + Json.write(end));
    }

    @Override
    void closeFarEnd() throws Exception {
        if (far != null) {
            far.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inboundVideo() throws Exception {
        return (Map<String, Object>) Json.parse(far.call("stats inbound-rtp"));
    }

    private static double num(Map<String, Object> stats, String field) {
        Object value = stats.get(field);
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
