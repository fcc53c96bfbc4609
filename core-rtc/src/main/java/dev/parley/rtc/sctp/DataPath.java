package dev.parley.rtc.sctp;

/**
 * The data transfer state of an established association (RFC 9260 §6): what the handshake
 * negotiated and the send and receive machinery built from it.
 */
final class DataPath {
    final int outboundStreams;
    final int inboundStreams;
    final boolean forwardTsnSupported;
    final boolean reconfigSupported;
    final long localInitialTsn;
    final long peerInitialTsn;
    final RtoEstimator rto;
    final CongestionControl congestion;
    final ReceivedTsns received;
    final StreamReassembler reassembler;
    final SendQueue sendQueue;
    final RetransmissionQueue retransmissions;
    private final long receiveWindow;

    DataPath(SctpAssociation association, StateCookie agreed) {
        SctpSettings settings = association.settings;
        this.outboundStreams = agreed.peerInboundStreams();
        this.inboundStreams = agreed.peerOutboundStreams();
        this.forwardTsnSupported = agreed.forwardTsn();
        this.reconfigSupported = agreed.reconfig();
        this.localInitialTsn = agreed.localInitialTsn();
        this.peerInitialTsn = agreed.peerInitialTsn();
        this.receiveWindow = settings.receiveWindow();
        this.rto = new RtoEstimator(settings.rtoInitial().toNanos(), settings.rtoMin().toNanos(),
                settings.rtoMax().toNanos());
        this.congestion = new CongestionControl(settings.maxPacketSize(), agreed.peerReceiverWindow());
        this.received = new ReceivedTsns(agreed.peerInitialTsn());
        this.reassembler = new StreamReassembler(settings.maxMessageSize(), association.listener::onMessage);
        int maxPayload = settings.maxPacketSize() - 12 - DataChunk.HEADER_SIZE;
        SctpAssociationListener listener = association.listener;
        this.sendQueue = new SendQueue(maxPayload, new SendQueue.Listener() {
            @Override
            public void onBufferedAmountLow(int streamId) {
                // the data channel keeps its own threshold (set from any thread): see onBytesReleased
            }

            @Override
            public void onBytesReleased(int streamId, long bytes) {
                listener.onBytesSent(streamId, bytes);
            }
        });
        this.retransmissions = new RetransmissionQueue(sendQueue, congestion, rto, agreed.localInitialTsn(),
                agreed.peerReceiverWindow());
    }

    /** Our a_rwnd: the buffer left for reassembly (RFC 9260 §6.2). */
    long receiveWindowCredit() {
        return Math.max(0, receiveWindow - reassembler.bufferedBytes());
    }

    long peerReceiverWindow() {
        return retransmissions.peerRwnd();
    }
}
