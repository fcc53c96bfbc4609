package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** Records what a {@link DtlsTransport} reports; futures complete on the first final or connected state. */
final class RecordingListener implements DtlsTransportListener {
    final List<RTCDtlsTransportState> states = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    /** Completes with closed or failed. */
    final CompletableFuture<RTCDtlsTransportState> ended = new CompletableFuture<>();
    final BlockingQueue<byte[]> data = new LinkedBlockingQueue<>();

    @Override
    public void onStateChange(RTCDtlsTransportState state) {
        states.add(state);
        if (state == RTCDtlsTransportState.CONNECTED) {
            connected.complete(null);
        }
        if (state == RTCDtlsTransportState.CLOSED || state == RTCDtlsTransportState.FAILED) {
            ended.complete(state);
            connected.completeExceptionally(new IllegalStateException("ended " + state));
        }
    }

    @Override
    public void onApplicationData(byte[] bytes) {
        data.add(bytes);
    }
}
