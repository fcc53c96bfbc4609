package dev.parley.rtc.interceptor.twcc;

import java.util.List;

/** Takes the per-packet results of each transport-wide feedback message: a bandwidth estimator. */
@FunctionalInterface
public interface TransportFeedbackListener {
    /**
     * @param packets the packets the message reported, in sequence order, each reported once
     * @param nowNanos when the feedback arrived, on the executor's clock
     */
    void onFeedback(List<PacketFeedback> packets, long nowNanos);
}
