package dev.parley.rtc;

import dev.parley.rtc.sdp.CodecCapability;
import java.util.List;

/**
 * How a negotiated m-line sends: its codecs with the payload types the remote side receives
 * them on (the first is used), and the MID header extension id (0: not negotiated).
 */
record SendConfig(boolean sending, String mid, List<CodecCapability> codecs, int midExtensionId) {
    static final SendConfig NONE = new SendConfig(false, null, List.of(), 0);

    SendConfig {
        codecs = List.copyOf(codecs);
    }
}
