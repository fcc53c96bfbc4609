package dev.parley.rtc.sctp;

import java.util.List;

/** What an {@link SctpAssociation} tells its user, always on the association's executor. */
public interface SctpAssociationListener {

    default void onStateChange(SctpAssociationState state) {}

    /** A whole user message arrived (in order, for ordered streams). */
    default void onMessage(SctpMessage message) {}

    /** The peer reset these incoming streams (RFC 6525): it closed their data channels. */
    default void onIncomingStreamsReset(List<Integer> streamIds) {}

    /** Our reset of these outgoing streams was performed by the peer. */
    default void onOutgoingStreamsReset(List<Integer> streamIds) {}

    /** Bytes of a stream's messages went to the network for the first time (W3C bufferedAmount). */
    default void onBytesSent(int streamId, long bytes) {}

    /** The association ended abnormally: ABORT sent or received, or the peer stopped answering. */
    default void onFailure(String reason) {}
}
