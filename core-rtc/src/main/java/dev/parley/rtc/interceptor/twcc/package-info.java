/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01):
 * the sender numbers every packet across all its streams in a header extension
 * ({@link dev.parley.rtc.interceptor.twcc.TwccSender}), the receiver reports when each arrived
 * ({@link dev.parley.rtc.interceptor.twcc.TwccReceiver}), and the sender turns the reports into
 * per-packet send and arrival times ({@link dev.parley.rtc.interceptor.twcc.PacketFeedback}) for
 * its bandwidth estimator.
 */
package dev.parley.rtc.interceptor.twcc;
