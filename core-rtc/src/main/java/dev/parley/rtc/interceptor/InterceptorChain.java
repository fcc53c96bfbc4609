package dev.parley.rtc.interceptor;

import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Interceptors in order, from the application side to the wire side, seen as one interceptor.
 * Outgoing RTP passes them first to last (each gets what the one before returned), so the last
 * one sees the packet as it goes on the wire; incoming RTP and RTCP pass them last to first, the
 * order they would meet the packet coming up from the wire. Binding calls go first to last,
 * unbinding and closing last to first.
 */
public final class InterceptorChain implements Interceptor {
    private final List<Interceptor> interceptors;

    public InterceptorChain(List<? extends Interceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
    }

    /** Creates one interceptor per factory, in order, for the peer connection described by {@code context}. */
    public static InterceptorChain create(InterceptorContext context, List<InterceptorFactory> factories) {
        List<Interceptor> made = new ArrayList<>(factories.size());
        for (InterceptorFactory factory : factories) {
            made.add(Objects.requireNonNull(factory.create(context), "an interceptor factory returned null"));
        }
        return new InterceptorChain(made);
    }

    /** The interceptors, application side first. */
    public List<Interceptor> interceptors() {
        return interceptors;
    }

    /** The first interceptor of this type (e.g. the report interceptor, for getStats), if the chain has one. */
    public <T extends Interceptor> Optional<T> find(Class<T> type) {
        for (Interceptor i : interceptors) {
            if (type.isInstance(i)) {
                return Optional.of(type.cast(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        for (Interceptor i : interceptors) {
            i.bindLocalStream(stream);
        }
    }

    @Override
    public void unbindLocalStream(StreamInfo stream) {
        for (int n = interceptors.size() - 1; n >= 0; n--) {
            interceptors.get(n).unbindLocalStream(stream);
        }
    }

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        for (Interceptor i : interceptors) {
            i.bindRemoteStream(stream);
        }
    }

    @Override
    public void unbindRemoteStream(StreamInfo stream) {
        for (int n = interceptors.size() - 1; n >= 0; n--) {
            interceptors.get(n).unbindRemoteStream(stream);
        }
    }

    @Override
    public RtpPacket onOutgoingRtp(RtpPacket packet, long nowNanos) {
        RtpPacket p = packet;
        for (Interceptor i : interceptors) {
            p = i.onOutgoingRtp(p, nowNanos);
            if (p == null) {
                throw new IllegalStateException(i.getClass().getName() + ".onOutgoingRtp returned null");
            }
        }
        return p;
    }

    @Override
    public void onIncomingRtp(RtpPacket packet, long nowNanos) {
        for (int n = interceptors.size() - 1; n >= 0; n--) {
            interceptors.get(n).onIncomingRtp(packet, nowNanos);
        }
    }

    @Override
    public void onIncomingRtcp(List<RtcpPacket> packets, long nowNanos) {
        for (int n = interceptors.size() - 1; n >= 0; n--) {
            interceptors.get(n).onIncomingRtcp(packets, nowNanos);
        }
    }

    /** Closes every interceptor, wire side first; one that throws does not keep the others open. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (int n = interceptors.size() - 1; n >= 0; n--) {
            try {
                interceptors.get(n).close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
