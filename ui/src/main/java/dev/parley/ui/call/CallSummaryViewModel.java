package dev.parley.ui.call;

import dev.parley.ui.Messages;
import dev.parley.ui.port.CallSummary;
import java.util.Locale;
import java.util.Objects;

/** The end-of-call screen's texts. */
public final class CallSummaryViewModel {
    private final String title;
    private final String duration;
    private final String bitrate;
    private final String loss;
    private final String reason;

    public CallSummaryViewModel(String peerName, CallSummary summary, Messages messages) {
        Objects.requireNonNull(summary, "summary");
        title = messages.get("summary.title", peerName);
        duration = messages.get("summary.duration", CallDurationFormat.format(summary.duration()));
        bitrate = messages.get("summary.bitrate", Math.round(summary.averageBitrateKbps()));
        loss = messages.get("summary.loss", String.format(Locale.ROOT, "%.1f", summary.lossFraction() * 100));
        reason = summary.endReason();
    }

    public String title() { return title; }
    public String duration() { return duration; }
    public String bitrate() { return bitrate; }
    public String loss() { return loss; }
    public String reason() { return reason; }
}
