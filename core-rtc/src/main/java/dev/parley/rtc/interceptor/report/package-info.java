/**
 * RTCP sender and receiver reports (RFC 3550 §6.4) as an interceptor:
 * {@link dev.parley.rtc.interceptor.report.ReportInterceptor} counts RTP both ways with the
 * {@code dev.parley.rtc.media} statistics, sends SR/RR + SDES compounds at randomized intervals,
 * measures the round-trip time from the peer's reports, and answers W3C RTP stats
 * ({@link dev.parley.rtc.interceptor.report.RtpStatsSnapshot}).
 */
package dev.parley.rtc.interceptor.report;
