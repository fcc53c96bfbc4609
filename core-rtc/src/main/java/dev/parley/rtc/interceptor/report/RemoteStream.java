package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.RtpReceiveStatistics;

/** One of the peer's SSRCs and what we received of it. */
final class RemoteStream {
    StreamInfo info;
    final RtpReceiveStatistics received;

    RemoteStream(StreamInfo info) {
        this.info = info;
        this.received = new RtpReceiveStatistics(info.ssrc(), info.clockRate());
    }
}
