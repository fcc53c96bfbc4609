package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsRole;
import dev.parley.rtc.sctp.DcepMessage;
import dev.parley.rtc.sctp.Ppid;
import dev.parley.rtc.sctp.Reliability;
import dev.parley.rtc.sctp.SctpAssociation;
import dev.parley.rtc.sctp.SctpAssociationListener;
import dev.parley.rtc.sctp.SctpAssociationState;
import dev.parley.rtc.sctp.SctpMessage;
import dev.parley.rtc.sctp.SctpParseException;
import dev.parley.rtc.sctp.SctpSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data channels of a peer connection (W3C §6, RFC 8831, RFC 8832): their SCTP association,
 * created once a data m-line is negotiated and DTLS is up; stream ids by DTLS role; DCEP
 * announcements; messages to and from channels; the closing procedure by stream reset. On the
 * executor, except where a method says otherwise.
 */
final class DataChannels implements SctpAssociationListener {
    private static final Logger log = LoggerFactory.getLogger(DataChannels.class);
    /** RFC 8841 §6.1: the max-message-size a description without the attribute implies. */
    static final long DEFAULT_REMOTE_MAX_MESSAGE_SIZE = 65_536;
    static final int SCTP_PORT = 5000;

    private final PeerSession s;
    /** Channels not yet closed, in creation order. */
    private final List<RTCDataChannel> channels = new ArrayList<>();
    private final Map<Integer, RTCDataChannel> byStream = new HashMap<>();
    private RTCSctpTransport sctpTransport;
    private SctpAssociation association;
    private int remotePort = SCTP_PORT;
    private DtlsRole role;
    /** W3C: once a channel was created, negotiation is needed until a data m-line is. */
    private boolean everCreated;
    /** The mid of the data m-line: proposed in our offer, or agreed. */
    private String mid;
    private boolean agreed;
    long messagesDropped;
    /** W3C peer-connection stats: channels that became open, and open ones that closed. */
    long opened;
    private int created;
    long closed;

    DataChannels(PeerSession session) {
        this.s = session;
    }

    // ---- W3C createDataChannel and friends ----------------------------------------------------

    RTCDataChannel create(String label, RTCDataChannelInit init, RTCDataChannelListener listener) {
        s.requireOpen();
        if (label.getBytes(StandardCharsets.UTF_8).length > 65_535) {
            throw new RTCException(RTCException.TYPE, "label is longer than 65535 bytes");
        }
        if (init.id().isPresent() && byStream.containsKey(init.id().getAsInt())) {
            throw new RTCException(RTCException.OPERATION, "stream id " + init.id().getAsInt() + " is in use");
        }
        RTCDataChannel channel = new RTCDataChannel(this, label, init, init.negotiated());
        if (listener != null) {
            channel.addListener(listener); // before it can open: on a live association that is now
        }
        channel.ordinal = ++created;
        channels.add(channel);
        init.id().ifPresent(id -> byStream.put(id, channel));
        if (role != null && channel.rawId() < 0) {
            allocateId(channel);
        }
        if (association != null && association.state() == SctpAssociationState.ESTABLISHED) {
            announce(channel);
        }
        if (!everCreated) {
            everCreated = true;
            s.updateNegotiationNeeded();
        }
        return channel;
    }

    /** W3C "check if negotiation is needed": channels exist but no data m-line was negotiated. */
    boolean needsDataSection() {
        return everCreated && !agreed;
    }

    boolean wanted() {
        return everCreated || agreed;
    }

    String mid() {
        return mid;
    }

    void proposeMid(String proposed) {
        if (!agreed) {
            mid = proposed;
        }
    }

    RTCSctpTransport sctpTransport() {
        return sctpTransport;
    }

    /** An offer/answer exchange agreed a data m-line (RFC 8841). */
    void negotiated(String agreedMid, int peerPort, long peerMaxMessageSize, DtlsRole dtlsRole) {
        mid = agreedMid;
        agreed = true;
        remotePort = peerPort;
        role = dtlsRole;
        long max = peerMaxMessageSize == 0 ? Long.MAX_VALUE : peerMaxMessageSize;
        if (sctpTransport == null) {
            sctpTransport = new RTCSctpTransport(s.dtlsTransport, max);
        } else {
            sctpTransport.setMaxMessageSize(max);
        }
        for (RTCDataChannel channel : channels) {
            if (channel.rawId() < 0) {
                allocateId(channel);
            }
        }
        startIfReady();
    }

    /** DTLS is connected: the association can start. */
    void onDtlsConnected() {
        startIfReady();
    }

    private void startIfReady() {
        if (association != null || !agreed || s.transport == null
                || s.dtlsState != RTCDtlsTransportState.CONNECTED) {
            return;
        }
        SctpSettings settings = SctpSettings.defaults().withMaxMessageSize(
                dev.parley.rtc.sdp.MediaSectionPlan.DEFAULT_MAX_MESSAGE_SIZE);
        BundleTransport transport = s.transport;
        association = new SctpAssociation(s.executor(), settings, SCTP_PORT, remotePort, s.random(),
                transport::sendApplicationData, this);
        association.connect();
    }

    void onApplicationData(byte[] packet) {
        if (association != null) {
            association.onPacket(packet);
        }
    }

    /** From any thread: the largest message a channel may send now. */
    long maxMessageSize() {
        RTCSctpTransport t = sctpTransport;
        return t == null ? DEFAULT_REMOTE_MAX_MESSAGE_SIZE : t.maxMessageSize();
    }

    /** From any thread, after {@link RTCDataChannel} checked state and size. */
    void send(RTCDataChannel channel, byte[] payload, boolean binary) {
        s.executor().execute(() -> {
            SctpAssociation a = association;
            if (a == null || channel.readyState() == RTCDataChannelState.CLOSED) {
                messagesDropped++; // sent while open, but the channel or the connection ended since
                return;
            }
            long ppid = binary ? (payload.length == 0 ? Ppid.BINARY_EMPTY : Ppid.BINARY)
                    : (payload.length == 0 ? Ppid.STRING_EMPTY : Ppid.STRING);
            byte[] wire = payload.length == 0 ? new byte[1] : payload;
            channel.uncountedBytes += wire.length - payload.length; // the padding byte of an empty message
            boolean unordered = !channel.ordered() && channel.acknowledged;
            a.send(channel.rawId(), ppid, wire, unordered, reliabilityOf(channel.init()));
        });
    }

    /** From any thread: W3C {@code close()} of one channel. */
    void close(RTCDataChannel channel) {
        s.executor().execute(() -> {
            if (channel.readyState() == RTCDataChannelState.CLOSED) {
                return;
            }
            if (association == null || association.state() != SctpAssociationState.ESTABLISHED
                    || channel.rawId() < 0 || !channel.wasOpened) {
                finishClose(channel);
                return;
            }
            requestReset(channel);
        });
    }

    /** The peer connection closes: channels become closed without events (W3C §4.4.1.5). */
    void closeAll() {
        for (RTCDataChannel channel : channels) {
            channel.setState(RTCDataChannelState.CLOSED);
        }
        channels.clear();
        byStream.clear();
        if (sctpTransport != null) {
            sctpTransport.setState(RTCSctpTransportState.CLOSED);
        }
        if (association != null) {
            association.abort("the peer connection was closed");
        }
    }

    List<RTCDataChannel> channels() {
        return List.copyOf(channels);
    }

    // ---- the association's events -------------------------------------------------------------

    @Override
    public void onStateChange(SctpAssociationState state) {
        if (state == SctpAssociationState.ESTABLISHED) {
            sctpTransport.setMaxChannels(Math.min(association.outboundStreams(), RTCDataChannelInit.MAX_ID + 1));
            sctpTransport.setState(RTCSctpTransportState.CONNECTED);
            for (RTCDataChannel channel : List.copyOf(channels)) {
                if (channel.readyState() == RTCDataChannelState.CONNECTING) {
                    announce(channel);
                }
            }
        } else if (state == SctpAssociationState.CLOSED) {
            endAll(null);
        }
    }

    @Override
    public void onFailure(String reason) {
        endAll(new RTCException(RTCException.OPERATION, "sctp-failure: " + reason));
    }

    @Override
    public void onMessage(SctpMessage message) {
        if (message.ppid() == Ppid.DCEP) {
            onDcep(message);
            return;
        }
        RTCDataChannel channel = byStream.get(message.streamId());
        if (channel == null || channel.readyState() != RTCDataChannelState.OPEN) {
            messagesDropped++;
            return;
        }
        RTCDataChannelMessage event;
        long ppid = message.ppid();
        if (ppid == Ppid.STRING || ppid == Ppid.STRING_PARTIAL) {
            event = RTCDataChannelMessage.text(new String(message.payload(), StandardCharsets.UTF_8));
        } else if (ppid == Ppid.STRING_EMPTY) {
            event = RTCDataChannelMessage.text("");
        } else if (ppid == Ppid.BINARY || ppid == Ppid.BINARY_PARTIAL) {
            event = RTCDataChannelMessage.binary(message.payload());
        } else if (ppid == Ppid.BINARY_EMPTY) {
            event = RTCDataChannelMessage.binary(new byte[0]);
        } else {
            log.debug("message with unknown PPID {} on stream {} dropped", ppid, message.streamId());
            messagesDropped++;
            return;
        }
        channel.messagesReceived++;
        channel.bytesReceived += event.size();
        channel.emit(l -> l.onMessage(event));
    }

    @Override
    public void onIncomingStreamsReset(List<Integer> streamIds) {
        for (int id : streamIds) {
            RTCDataChannel channel = byStream.get(id);
            if (channel == null) {
                continue;
            }
            channel.incomingReset = true;
            if (channel.readyState() == RTCDataChannelState.OPEN || channel.readyState() == RTCDataChannelState.CONNECTING) {
                channel.setState(RTCDataChannelState.CLOSING);
                channel.emit(RTCDataChannelListener::onClosing);
            }
            requestReset(channel);
            if (channel.outgoingReset) {
                finishClose(channel);
            }
        }
    }

    @Override
    public void onOutgoingStreamsReset(List<Integer> streamIds) {
        for (int id : streamIds) {
            RTCDataChannel channel = byStream.get(id);
            if (channel != null) {
                channel.outgoingReset = true;
                if (channel.incomingReset) {
                    finishClose(channel);
                }
            }
        }
    }

    @Override
    public void onBytesSent(int streamId, long bytes) {
        RTCDataChannel channel = byStream.get(streamId);
        if (channel == null) {
            return;
        }
        long uncounted = Math.min(bytes, channel.uncountedBytes);
        channel.uncountedBytes -= uncounted;
        if (bytes > uncounted) {
            channel.sent(bytes - uncounted);
        }
    }

    // ---- inside -------------------------------------------------------------------------------

    /** RFC 8832 §6: the DTLS client takes even stream ids, the server odd ones. */
    private void allocateId(RTCDataChannel channel) {
        int first = role == DtlsRole.CLIENT ? 0 : 1;
        for (int id = first; id <= RTCDataChannelInit.MAX_ID; id += 2) {
            if (!byStream.containsKey(id)) {
                channel.assignId(id);
                byStream.put(id, channel);
                return;
            }
        }
        channels.remove(channel);
        channel.setState(RTCDataChannelState.CLOSED);
        channel.emit(l -> l.onError(new RTCException(RTCException.OPERATION, "no free stream id")));
        channel.emit(RTCDataChannelListener::onClose);
    }

    /** The association is up: in-band channels send DATA_CHANNEL_OPEN, negotiated ones just open. */
    private void announce(RTCDataChannel channel) {
        if (channel.rawId() < 0) {
            return;
        }
        if (!channel.negotiated()) {
            RTCDataChannelInit init = channel.init();
            int type = init.maxRetransmits().isPresent() ? DcepMessage.Open.PARTIAL_RELIABLE_REXMIT
                    : init.maxPacketLifeTime().isPresent() ? DcepMessage.Open.PARTIAL_RELIABLE_TIMED
                    : DcepMessage.Open.RELIABLE;
            if (!init.ordered()) {
                type |= DcepMessage.Open.UNORDERED_BIT;
            }
            long parameter = init.maxRetransmits().orElse(init.maxPacketLifeTime().orElse(0));
            DcepMessage.Open open = new DcepMessage.Open(type, 256, parameter, channel.label(), init.protocol());
            sendDcep(channel, open);
        }
        open(channel);
    }

    private void open(RTCDataChannel channel) {
        if (channel.openUnlessClosing()) {
            opened++;
            channel.wasOpened = true;
            channel.emit(RTCDataChannelListener::onOpen);
        }
    }

    private void onDcep(SctpMessage message) {
        DcepMessage dcep;
        try {
            dcep = DcepMessage.parse(message.payload());
        } catch (SctpParseException e) {
            log.debug("DCEP message on stream {} dropped: {}", message.streamId(), e.getMessage());
            messagesDropped++;
            return;
        }
        int streamId = message.streamId();
        if (dcep instanceof DcepMessage.Ack) {
            RTCDataChannel channel = byStream.get(streamId);
            if (channel != null) {
                channel.acknowledged = true;
            }
            return;
        }
        DcepMessage.Open open = (DcepMessage.Open) dcep;
        if (byStream.containsKey(streamId) || streamId > RTCDataChannelInit.MAX_ID) {
            log.debug("DATA_CHANNEL_OPEN for stream {} in use dropped", streamId);
            messagesDropped++;
            return;
        }
        RTCDataChannelInit.Builder init = RTCDataChannelInit.builder().ordered(open.ordered())
                .protocol(open.protocol()).id(streamId);
        int parameter = (int) Math.min(Integer.MAX_VALUE, open.reliabilityParameter());
        if (open.reliabilityType() == DcepMessage.Open.PARTIAL_RELIABLE_REXMIT) {
            init.maxRetransmits(parameter);
        } else if (open.reliabilityType() == DcepMessage.Open.PARTIAL_RELIABLE_TIMED) {
            init.maxPacketLifeTime(parameter);
        }
        RTCDataChannel channel = new RTCDataChannel(this, open.label(), init.build(), true);
        channel.ordinal = ++created;
        channels.add(channel);
        byStream.put(streamId, channel);
        sendDcep(channel, new DcepMessage.Ack());
        opened++;
        channel.wasOpened = true;
        channel.setState(RTCDataChannelState.OPEN);
        s.pc.emit(l -> l.onDataChannel(channel));
        channel.emit(RTCDataChannelListener::onOpen);
    }

    /** RFC 8832 §6: DCEP goes ordered and reliable on the channel's stream; not in its bufferedAmount. */
    private void sendDcep(RTCDataChannel channel, DcepMessage message) {
        byte[] bytes = message.toBytes();
        channel.uncountedBytes += bytes.length;
        association.send(channel.rawId(), Ppid.DCEP, bytes, false, Reliability.reliable());
    }

    private void requestReset(RTCDataChannel channel) {
        if (!channel.resetRequested && association != null) {
            channel.resetRequested = true;
            association.resetStreams(List.of(channel.rawId()));
        }
    }

    private void finishClose(RTCDataChannel channel) {
        if (channel.readyState() == RTCDataChannelState.CLOSED) {
            return;
        }
        if (channel.wasOpened) {
            closed++;
        }
        channel.setState(RTCDataChannelState.CLOSED);
        channels.remove(channel);
        if (channel.rawId() >= 0 && byStream.get(channel.rawId()) == channel) {
            byStream.remove(channel.rawId());
        }
        channel.emit(RTCDataChannelListener::onClose);
    }

    private void endAll(RTCException error) {
        if (sctpTransport != null) {
            sctpTransport.setState(RTCSctpTransportState.CLOSED);
        }
        for (RTCDataChannel channel : List.copyOf(channels)) {
            if (error != null && channel.readyState() != RTCDataChannelState.CLOSED) {
                channel.emit(l -> l.onError(error));
            }
            finishClose(channel);
        }
    }

    static Reliability reliabilityOf(RTCDataChannelInit init) {
        OptionalInt retransmits = init.maxRetransmits();
        if (retransmits.isPresent()) {
            return Reliability.maxRetransmits(retransmits.getAsInt());
        }
        OptionalInt lifetime = init.maxPacketLifeTime();
        if (lifetime.isPresent()) {
            return Reliability.maxLifetime(java.time.Duration.ofMillis(lifetime.getAsInt()));
        }
        return Reliability.reliable();
    }
}
