package dev.parley.ui.call;

import dev.parley.ui.port.CallStats;

/**
 * The call's network in one word, from the latest stats sample. Each threshold is inclusive on
 * the good side (an RTT of exactly 150 ms is still GOOD):
 * <table>
 *   <caption>Thresholds</caption>
 *   <tr><th></th><th>GOOD if all</th><th>POOR if any</th><th>else</th></tr>
 *   <tr><td>round-trip time</td><td>≤ 150 ms</td><td>&gt; 400 ms</td><td>FAIR</td></tr>
 *   <tr><td>loss</td><td>≤ 2 %</td><td>&gt; 10 %</td><td>FAIR</td></tr>
 *   <tr><td>bitrate, video call</td><td>≥ 500 kbit/s</td><td>&lt; 150 kbit/s</td><td>FAIR</td></tr>
 *   <tr><td>bitrate, audio only</td><td>≥ 24 kbit/s</td><td>&lt; 12 kbit/s</td><td>FAIR</td></tr>
 * </table>
 * Why these: ITU-T G.114 puts one-way delay under 150 ms (here the RTT, to be safe) as
 * transparent for talk, and above about 400 ms as disturbing; Opus and VP8 hide a couple of
 * percent loss but freeze and crackle near ten; 500 kbit/s carries 360p–480p video well, and
 * under 150 kbit/s video is a slideshow; Opus speech is clear from 24 kbit/s and breaks up
 * under 12.
 */
public enum NetworkQuality {
    GOOD,
    FAIR,
    POOR;

    static final double GOOD_RTT_MS = 150;
    static final double POOR_RTT_MS = 400;
    static final double GOOD_LOSS = 0.02;
    static final double POOR_LOSS = 0.10;
    static final double GOOD_VIDEO_KBPS = 500;
    static final double POOR_VIDEO_KBPS = 150;
    static final double GOOD_AUDIO_KBPS = 24;
    static final double POOR_AUDIO_KBPS = 12;

    public static NetworkQuality of(CallStats stats) {
        double goodKbps = stats.video() ? GOOD_VIDEO_KBPS : GOOD_AUDIO_KBPS;
        double poorKbps = stats.video() ? POOR_VIDEO_KBPS : POOR_AUDIO_KBPS;
        if (stats.rttMs() > POOR_RTT_MS || stats.lossFraction() > POOR_LOSS || stats.bitrateKbps() < poorKbps) {
            return POOR;
        }
        if (stats.rttMs() <= GOOD_RTT_MS && stats.lossFraction() <= GOOD_LOSS && stats.bitrateKbps() >= goodKbps) {
            return GOOD;
        }
        return FAIR;
    }
}
