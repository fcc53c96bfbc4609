package dev.parley.rtc.sctp;

/**
 * A whole user message received on a stream, reassembled from its DATA chunks
 * (RFC 9260 §6.9) and released in the order RFC 9260 §6.6 asks for.
 *
 * @param streamId  stream identifier, 0..65535
 * @param ppid      payload protocol identifier of the message's first fragment
 *                  (RFC 8831 §8: 51 string, 53 binary, 50 DCEP, …)
 * @param unordered whether the message was sent with the U bit
 * @param payload   the message's bytes, a fresh array the receiver may keep and change
 */
public record SctpMessage(int streamId, long ppid, boolean unordered, byte[] payload) {
    @Override
    public String toString() {
        return "SctpMessage[sid=" + streamId + " ppid=" + ppid + (unordered ? " U" : "")
                + " len=" + payload.length + "]";
    }
}
