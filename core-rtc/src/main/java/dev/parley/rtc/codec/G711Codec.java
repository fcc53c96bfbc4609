package dev.parley.rtc.codec;

import java.util.Map;

/** G.711 μ-law or A-law in the codec registry: Java, so always available. */
public final class G711Codec implements AudioCodecFactory {
    private final boolean muLaw;

    private G711Codec(boolean muLaw) {
        this.muLaw = muLaw;
    }

    /** PCMU, static payload type 0. */
    public static G711Codec pcmu() {
        return new G711Codec(true);
    }

    /** PCMA, static payload type 8. */
    public static G711Codec pcma() {
        return new G711Codec(false);
    }

    @Override
    public String name() {
        return muLaw ? "PCMU" : "PCMA";
    }

    @Override
    public int clockRate() {
        return G711.CLOCK_RATE;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public Map<String, String> fmtp() {
        return Map.of();
    }

    @Override
    public int preferredPayloadType() {
        return muLaw ? G711.PCMU_PAYLOAD_TYPE : G711.PCMA_PAYLOAD_TYPE;
    }

    @Override
    public void checkAvailable() {
        // Java: runs everywhere.
    }

    @Override
    public AudioEncoder createEncoder() {
        return muLaw ? G711.pcmuEncoder() : G711.pcmaEncoder();
    }

    @Override
    public AudioDecoder createDecoder() {
        return muLaw ? G711.pcmuDecoder() : G711.pcmaDecoder();
    }
}
