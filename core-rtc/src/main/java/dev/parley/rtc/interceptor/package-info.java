/**
 * The interceptor SPI: RTP features (RTCP reports, NACK, PLI, TWCC, pacing) as
 * {@link dev.parley.rtc.interceptor.Interceptor}s in an
 * {@link dev.parley.rtc.interceptor.InterceptorChain} between the RTP senders and receivers and
 * SRTP, each feature in its own sub-package, so that one can be added or left out without touching
 * the sender. A peer connection makes its chain from {@link dev.parley.rtc.interceptor.InterceptorFactory}s
 * with an {@link dev.parley.rtc.interceptor.InterceptorContext}; all calls run on its serial executor.
 */
package dev.parley.rtc.interceptor;
