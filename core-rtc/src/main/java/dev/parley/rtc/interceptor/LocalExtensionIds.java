package dev.parley.rtc.interceptor;

import java.util.HashMap;
import java.util.Map;

/**
 * Which local streams negotiated one header extension, and its id: for interceptors that stamp
 * it on outgoing packets. A stream's RTX SSRC counts as the stream's own, since retransmissions
 * travel the same path and need the same stamp. On the executor, like its interceptor.
 */
public final class LocalExtensionIds {
    private final String uri;
    private final Map<Long, Integer> idBySsrc = new HashMap<>();

    public LocalExtensionIds(String uri) {
        this.uri = uri;
    }

    public void bind(StreamInfo stream) {
        int id = stream.extensionId(uri);
        if (id > 0) {
            idBySsrc.put(stream.ssrc(), id);
            if (stream.hasRtx()) {
                idBySsrc.put(stream.rtxSsrc(), id);
            }
        }
    }

    public void unbind(StreamInfo stream) {
        idBySsrc.remove(stream.ssrc());
        if (stream.hasRtx()) {
            idBySsrc.remove(stream.rtxSsrc());
        }
    }

    /** The extension's id on packets of {@code ssrc}, or 0 where it was not negotiated. */
    public int idFor(long ssrc) {
        return idBySsrc.getOrDefault(ssrc, 0);
    }
}
