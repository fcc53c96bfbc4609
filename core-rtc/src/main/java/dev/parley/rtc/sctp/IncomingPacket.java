package dev.parley.rtc.sctp;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One received packet through the association: the verification tag rules of RFC 9260 §8.5 and
 * §8.5.1, then each chunk to the part that handles it. Packets from a peer we have no
 * association with (out of the blue, §8.4) are only INIT and COOKIE ECHO worth answering: DTLS
 * already tells us who the peer is, so the rest is discarded.
 */
final class IncomingPacket {
    private static final Logger log = LoggerFactory.getLogger(IncomingPacket.class);

    private final SctpAssociation a;
    private final SctpPacket packet;
    private boolean dataSeen;
    private boolean sackAtOnce;

    IncomingPacket(SctpAssociation association, SctpPacket packet) {
        this.a = association;
        this.packet = packet;
    }

    void process() {
        List<Chunk> chunks = packet.chunks();
        if (chunks.isEmpty()) {
            return;
        }
        if (!tagAcceptable(chunks)) {
            a.counters.badTagPackets++;
            return;
        }
        if (a.state == SctpAssociationState.CLOSED && (a.data != null || a.handshake.peerTag() != 0)
                && !(chunks.get(0) instanceof InitChunk) && !(chunks.get(0) instanceof CookieEchoChunk)) {
            outOfTheBlue(chunks);
            return;
        }
        for (Chunk chunk : chunks) {
            if (!handle(chunk) || a.state == SctpAssociationState.CLOSED && a.data != null) {
                break;
            }
        }
        if (dataSeen) {
            a.dataReceived(sackAtOnce);
        }
    }

    /**
     * RFC 9260 §8.4: the association has ended, so what the peer still sends is out of the blue. A
     * SHUTDOWN ACK is answered with SHUTDOWN COMPLETE (rule 5: our SHUTDOWN COMPLETE was lost), ABORT,
     * SHUTDOWN COMPLETE, COOKIE ACK and ERROR are dropped (rules 2, 6, 7), anything else is answered
     * with an ABORT (rule 8) — so a peer whose ABORT from us was lost learns of it at its next packet.
     * Both carry the packet's own tag back, with the T bit (§8.5.1).
     */
    private void outOfTheBlue(List<Chunk> chunks) {
        for (Chunk chunk : chunks) {
            if (chunk instanceof ShutdownAckChunk) {
                a.sendWithTag(packet.verificationTag(), new ShutdownCompleteChunk(true));
                return;
            }
            if (chunk instanceof AbortChunk || chunk instanceof ShutdownCompleteChunk
                    || chunk instanceof CookieAckChunk || chunk instanceof ErrorChunk) {
                return;
            }
        }
        a.sendWithTag(packet.verificationTag(), new AbortChunk(true, List.of()));
    }

    /** RFC 9260 §8.5.1. COOKIE ECHO is checked against its cookie by the handshake. */
    private boolean tagAcceptable(List<Chunk> chunks) {
        long tag = packet.verificationTag();
        Chunk first = chunks.get(0);
        if (first instanceof InitChunk) {
            return tag == 0 && chunks.size() == 1; // rule A
        }
        if (first instanceof CookieEchoChunk) {
            return true;
        }
        if (first instanceof AbortChunk abort) {
            return abort.verificationTagReflected() ? tag == a.handshake.peerTag() : tag == a.handshake.localTag();
        }
        if (first instanceof ShutdownCompleteChunk complete) {
            return complete.verificationTagReflected() ? tag == a.handshake.peerTag()
                    : tag == a.handshake.localTag();
        }
        return tag == a.handshake.localTag();
    }

    /** Returns false to stop processing the rest of the packet. */
    private boolean handle(Chunk chunk) {
        if (chunk instanceof DataChunk d) {
            onData(d);
        } else if (chunk instanceof SackChunk s) {
            if (a.state.acceptsData() || a.state == SctpAssociationState.SHUTDOWN_RECEIVED) {
                a.onSack(s);
            }
        } else if (chunk instanceof InitChunk init) {
            a.handshake.onInit(init);
        } else if (chunk instanceof InitAckChunk initAck) {
            a.handshake.onInitAck(initAck);
        } else if (chunk instanceof CookieEchoChunk echo) {
            if (!a.handshake.onCookieEcho(echo, packet.verificationTag())) {
                a.counters.badTagPackets++;
                return false;
            }
        } else if (chunk instanceof CookieAckChunk) {
            a.handshake.onCookieAck();
        } else if (chunk instanceof HeartbeatChunk hb) {
            if (a.data != null) {
                a.send(List.of(new HeartbeatAckChunk(hb.info())));
            }
        } else if (chunk instanceof HeartbeatAckChunk ack) {
            a.onHeartbeatAck(ack);
        } else if (chunk instanceof ForwardTsnChunk forward) {
            onForwardTsn(forward);
        } else if (chunk instanceof ReconfigChunk reconfig) {
            if (a.data != null) {
                a.resets.onReconfig(reconfig);
            }
        } else if (chunk instanceof ShutdownChunk shutdown) {
            a.onShutdown(shutdown);
        } else if (chunk instanceof ShutdownAckChunk) {
            a.onShutdownAck();
        } else if (chunk instanceof ShutdownCompleteChunk) {
            a.onShutdownComplete();
        } else if (chunk instanceof AbortChunk abort) {
            a.onAbort(abort);
            return false;
        } else if (chunk instanceof ErrorChunk error) {
            log.debug("SCTP ERROR from the peer: {}", error.causes());
        } else if (chunk instanceof UnknownChunk unknown) {
            return onUnknown(unknown);
        }
        return true;
    }

    /** RFC 9260 §6.2, §6.5; §6.7 for when gaps call for an immediate SACK. */
    private void onData(DataChunk d) {
        DataPath path = a.data;
        if (path == null || !a.state.acceptsData()) {
            return;
        }
        dataSeen = true;
        if (d.immediate()) {
            sackAtOnce = true;
        }
        if (d.streamId() >= path.inboundStreams) {
            a.send(List.of(new ErrorChunk(List.of(ErrorCause.invalidStreamIdentifier(d.streamId())))));
        }
        long next = Tsn.add(path.received.cumulativeTsnAck(), 1);
        if (path.receiveWindowCredit() <= 0 && d.tsn() != next) {
            a.counters.outOfWindowChunks++; // §6.2: no room; only the chunk that advances the ack gets in
            sackAtOnce = true;
            return;
        }
        switch (path.received.accept(d.tsn())) {
            case NEW -> {
                if (path.received.lastAcceptCreatedOrFilledGap()) {
                    sackAtOnce = true;
                }
                if (d.streamId() < path.inboundStreams) {
                    try {
                        path.reassembler.add(d);
                    } catch (SctpProtocolViolation e) {
                        a.send(List.of(new AbortChunk(false, List.of(ErrorCause.protocolViolation(e.getMessage())))));
                        a.closeNow(e.getMessage());
                    }
                }
            }
            case DUPLICATE -> {
                a.counters.duplicateChunks++;
                sackAtOnce = true;
            }
            case OUT_OF_WINDOW -> {
                a.counters.outOfWindowChunks++;
                sackAtOnce = true;
            }
        }
        a.resets.onCumulativeTsnReceived();
    }

    /** RFC 3758 §3.6. */
    private void onForwardTsn(ForwardTsnChunk forward) {
        DataPath path = a.data;
        if (path == null || !a.state.acceptsData()) {
            return;
        }
        if (path.received.forwardTo(forward.newCumulativeTsn())) {
            path.reassembler.skip(forward.newCumulativeTsn(), forward.skippedStreams());
        }
        a.sackImmediately();
        a.resets.onCumulativeTsnReceived();
    }

    /** RFC 9260 §3.2: the upper two bits of an unknown type say whether to go on and whether to report. */
    private boolean onUnknown(UnknownChunk unknown) {
        a.counters.unknownChunks++;
        int action = unknown.type() >>> 6;
        // The report quotes the whole chunk (§3.3.10.6); one too large for a packet of ours goes unreported.
        int errorPacket = OutgoingPackets.COMMON_HEADER + 4 + 4 + 4 + unknown.value().length;
        if ((action == 1 || action == 3) && errorPacket <= a.settings.maxPacketSize()) {
            a.send(List.of(new ErrorChunk(List.of(ErrorCause.unrecognizedChunk(unknown.encoded())))));
        }
        return action >= 2;
    }
}
