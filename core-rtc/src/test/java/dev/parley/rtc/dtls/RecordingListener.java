package dev.parley.rtc.dtls;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** Records what a {@link DtlsTransport} reports; futures complete on the first final or connected state. */
final class RecordingListener implements DtlsTransportListener {
    final List<DtlsTransportState> states = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    /** Completes with closed or failed. */
    final CompletableFuture<DtlsTransportState> ended = new CompletableFuture<>();
    final BlockingQueue<byte[]> data = new LinkedBlockingQueue<>();

    @Override
    public void onStateChange(DtlsTransportState state) {
        states.add(state);
        if (state == DtlsTransportState.CONNECTED) {
            connected.complete(null);
        }
        if (state == DtlsTransportState.CLOSED || state == DtlsTransportState.FAILED) {
            ended.complete(state);
            connected.completeExceptionally(new IllegalStateException("ended " + state));
        }
    }

    @Override
    public void onApplicationData(byte[] bytes) {
        data.add(bytes);
    }
}
