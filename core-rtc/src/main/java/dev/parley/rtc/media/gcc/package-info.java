/**
 * Google congestion control (draft-ietf-rmcat-gcc-02, as libwebrtc runs it with a trendline
 * filter): a send-side bandwidth estimator fed by transport-wide feedback.
 *
 * <pre>
 *  PacketFeedback ──▶ ArrivalGroups ──▶ TrendlineFilter ──▶ OveruseDetector ──▶ AimdRateControl ─┐
 *        │                (5 ms bursts)    (delay slope)       (adaptive γ)      (×0.85 / +8 %/s) ├─ min ─▶ target
 *        ├──▶ AcknowledgedBitrate ────────────────────────────────────────────────┘               │
 *        └──▶ LossBasedControl (loss > 10 %: back off; < 2 %: grow) ─────────────────────────────┘
 * </pre>
 */
package dev.parley.rtc.media.gcc;
