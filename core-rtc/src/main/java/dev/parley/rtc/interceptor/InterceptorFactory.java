package dev.parley.rtc.interceptor;

/**
 * Makes one interceptor for one peer connection. Settings hold factories (the features to use);
 * the peer connection calls them once its executor and RTCP path exist.
 */
@FunctionalInterface
public interface InterceptorFactory {
    Interceptor create(InterceptorContext context);
}
