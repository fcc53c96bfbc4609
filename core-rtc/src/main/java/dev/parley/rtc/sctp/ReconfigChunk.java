package dev.parley.rtc.sctp;

import java.util.List;

/**
 * A RE-CONFIG chunk (RFC 6525 §3.1): one or two stream reconfiguration parameters. WebRTC closes
 * a data channel by resetting its stream this way (RFC 8831 §6.7). How many parameters, and which
 * together, is for the receiver to judge (RFC 6525 §3.1); any well-formed list parses.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Type = 130    |  Chunk Flags  |      Chunk Length             |
 * |                  Re-configuration Parameter                   |
 * |             Re-configuration Parameter (optional)             |
 * </pre>
 *
 * @param parameters the parameters in wire order
 */
public record ReconfigChunk(List<ReconfigParameter> parameters) implements Chunk {
    public static final int TYPE = 130;

    public ReconfigChunk {
        parameters = List.copyOf(parameters);
    }

    /** A RE-CONFIG with these parameters. */
    public static ReconfigChunk of(ReconfigParameter... parameters) {
        return new ReconfigChunk(List.of(parameters));
    }

    @Override
    public int type() {
        return TYPE;
    }
}
