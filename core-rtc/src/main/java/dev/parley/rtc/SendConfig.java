package dev.parley.rtc;

import dev.parley.rtc.sdp.CodecCapability;
import java.util.List;
import java.util.Map;

/**
 * How a negotiated m-line sends: its codecs with the payload types the remote side receives
 * them on (the first is used), the MID header extension id (0: not negotiated) and every
 * negotiated header extension's id by URI.
 */
record SendConfig(boolean sending, String mid, List<CodecCapability> codecs, int midExtensionId,
                  Map<String, Integer> headerExtensions) {
    static final SendConfig NONE = new SendConfig(false, null, List.of(), 0, Map.of());

    SendConfig {
        codecs = List.copyOf(codecs);
        headerExtensions = Map.copyOf(headerExtensions);
    }

    /** The negotiated id of the extension {@code uri}, 0 if it was not negotiated. */
    int extensionId(String uri) {
        return headerExtensions.getOrDefault(uri, 0);
    }
}
