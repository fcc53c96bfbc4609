package dev.parley.rtc.sctp;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The four-way handshake of RFC 9260 §5: INIT, INIT ACK with a state cookie, COOKIE ECHO,
 * COOKIE ACK — from either side or both at once, as WebRTC peers both connect (RFC 8831 §6.2).
 *
 * <p>Our Initiate Tag and initial TSN are chosen once and kept, so that an INIT crossing ours is
 * answered "using the same parameters it sent in its original INIT" (§5.2.1) and the cookie it
 * returns matches either way. An association restart by the peer (§5.2.4 case A) is not
 * supported: WebRTC peers make a new association instead; it is reported as a failure.
 */
final class SctpHandshake {
    /** RFC 6525 RE-CONFIG chunk type. */
    static final int RECONFIG_TYPE = 130;
    private static final int MAX_STREAMS = 65_535;

    private final SctpAssociation a;
    private final SecureRandom random;
    private final StateCookie.Secret secret;
    private final long localTag;
    private final long localInitialTsn;
    private final AssociationTimer t1;
    private long peerTag;
    private Chunk retransmittable;
    private long t1Rto;

    SctpHandshake(SctpAssociation association, SecureRandom random) {
        this.a = association;
        this.random = random;
        this.secret = new StateCookie.Secret(random);
        this.localTag = nonZero32(random);
        this.localInitialTsn = random.nextInt() & Tsn.MASK;
        this.t1 = new AssociationTimer(association.executor, this::onT1Expired);
        this.t1Rto = association.settings.rtoInitial().toNanos();
    }

    SecureRandom random() {
        return random;
    }

    long localTag() {
        return localTag;
    }

    long peerTag() {
        return peerTag;
    }

    void connect() {
        if (a.state != SctpAssociationState.CLOSED || a.data != null) {
            return;
        }
        retransmittable = init();
        a.sendWithTag(0, retransmittable);
        a.setState(SctpAssociationState.COOKIE_WAIT);
        t1.start(t1Rto);
    }

    private InitChunk init() {
        return new InitChunk(localTag, a.settings.receiveWindow(), MAX_STREAMS, MAX_STREAMS, localInitialTsn,
                ourParameters());
    }

    private List<Parameter> ourParameters() {
        return List.of(Parameter.forwardTsnSupported(),
                Parameter.supportedExtensions(ForwardTsnChunk.TYPE, RECONFIG_TYPE));
    }

    /** RFC 9260 §5.1 step B, §5.2.1, §5.2.2: every INIT is answered with an INIT ACK and a cookie. */
    void onInit(InitChunk init) {
        if (init.initiateTag() == 0 || init.outboundStreams() == 0 || init.inboundStreams() == 0) {
            // §3.3.2: an INIT with these zero is answered by an ABORT.
            a.sendWithTag(init.initiateTag(), new AbortChunk(false,
                    List.of(ErrorCause.invalidMandatoryParameter())));
            return;
        }
        if (a.state == SctpAssociationState.SHUTDOWN_ACK_SENT) {
            a.send(List.of(new ShutdownAckChunk())); // §9.2
            return;
        }
        StateCookie cookie = new StateCookie(localTag, init.initiateTag(), localInitialTsn, init.initialTsn(),
                init.receiverWindow(), init.outboundStreams(), init.inboundStreams(), init.forwardTsnSupported(),
                init.supportedExtensions().contains(RECONFIG_TYPE), a.millisNow());
        List<Parameter> parameters = new java.util.ArrayList<>(ourParameters());
        parameters.add(Parameter.stateCookie(cookie.seal(secret)));
        InitAckChunk initAck = new InitAckChunk(localTag, a.settings.receiveWindow(), MAX_STREAMS, MAX_STREAMS,
                localInitialTsn, parameters);
        a.sendWithTag(init.initiateTag(), initAck);
    }

    /** RFC 9260 §5.1 step C: our INIT was answered; echo the cookie. */
    void onInitAck(InitAckChunk initAck) {
        if (a.state != SctpAssociationState.COOKIE_WAIT) {
            return; // §5.2.3: discarded in any other state
        }
        Optional<byte[]> cookie = initAck.stateCookie();
        if (cookie.isEmpty() || initAck.initiateTag() == 0) {
            a.sendWithTag(initAck.initiateTag(), new AbortChunk(false,
                    List.of(ErrorCause.missingMandatoryParameters(Parameter.STATE_COOKIE))));
            a.closeNow("the peer's INIT ACK has no state cookie");
            return;
        }
        peerTag = initAck.initiateTag();
        pendingAgreement = new StateCookie(localTag, peerTag, localInitialTsn, initAck.initialTsn(),
                initAck.receiverWindow(), initAck.outboundStreams(), initAck.inboundStreams(),
                initAck.forwardTsnSupported(), initAck.supportedExtensions().contains(RECONFIG_TYPE), a.millisNow());
        retransmittable = new CookieEchoChunk(cookie.get());
        t1.stop();
        a.send(List.of(retransmittable));
        a.setState(SctpAssociationState.COOKIE_ECHOED);
        t1.start(t1Rto);
    }

    /** What the peer's INIT ACK told us, used when its COOKIE ACK arrives. */
    private StateCookie pendingAgreement;

    /**
     * RFC 9260 §5.1 step D and §5.2.4: a COOKIE ECHO we made. Returns whether the packet's
     * verification tag was acceptable (the cookie, not the tag, authenticates this chunk).
     */
    boolean onCookieEcho(CookieEchoChunk echo, long packetTag) {
        Optional<StateCookie> opened = StateCookie.open(echo.cookie(), secret);
        if (opened.isEmpty()) {
            return false; // §5.1.5 step 2: not ours or altered, silently discarded
        }
        StateCookie cookie = opened.get();
        if (packetTag != cookie.localTag()) {
            return false; // §5.1.5 step 2
        }
        long age = a.millisNow() - cookie.createdMillis();
        if (age > a.settings.cookieLifetime().toMillis()) {
            // §3.3.10.3: staleness in microseconds, 32 bits; a cookie over 71 minutes old reports the most it can
            long micros = Math.min(age * 1000, Tsn.MASK);
            a.sendWithTag(cookie.peerTag(), new ErrorChunk(List.of(ErrorCause.staleCookie(micros))));
            return true;
        }
        switch (a.state) {
            case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> {
                // §5.1 step D, or §5.2.4 case B/D after an INIT collision: the cookie's tags win.
                if (a.data == null) {
                    peerTag = cookie.peerTag();
                    t1.stop();
                    a.send(List.of(new CookieAckChunk()));
                    a.established(new DataPath(a, cookie));
                }
            }
            default -> {
                if (cookie.peerTag() == peerTag) {
                    a.send(List.of(new CookieAckChunk())); // §5.2.4 case D: our COOKIE ACK was lost
                } else if (a.state.acceptsData() || a.state == SctpAssociationState.SHUTDOWN_RECEIVED) {
                    a.closeNow("the peer restarted the association (RFC 9260 §5.2.4 case A), which Parley does not support");
                }
            }
        }
        return true;
    }

    /** RFC 9260 §5.1 step E. */
    void onCookieAck() {
        if (a.state != SctpAssociationState.COOKIE_ECHOED || pendingAgreement == null) {
            return;
        }
        t1.stop();
        a.established(new DataPath(a, pendingAgreement));
    }

    /** §5.1.6: T1-init and T1-cookie resend with backoff, up to Max.Init.Retransmits. */
    private void onT1Expired() {
        if (a.state != SctpAssociationState.COOKIE_WAIT && a.state != SctpAssociationState.COOKIE_ECHOED) {
            return;
        }
        if (t1.expiries() > a.settings.maxInitRetransmits()) {
            a.closeNow("no answer to " + (a.state == SctpAssociationState.COOKIE_WAIT ? "INIT" : "COOKIE ECHO")
                    + " after " + a.settings.maxInitRetransmits() + " retransmissions");
            return;
        }
        t1Rto = Math.min(t1Rto * 2, a.settings.rtoMax().toNanos());
        if (a.state == SctpAssociationState.COOKIE_WAIT) {
            a.sendWithTag(0, retransmittable);
        } else {
            a.send(List.of(retransmittable));
        }
        t1.start(t1Rto);
    }

    void stopTimers() {
        t1.stop();
    }

    private static long nonZero32(SecureRandom random) {
        long tag;
        do {
            tag = random.nextInt() & Tsn.MASK;
        } while (tag == 0);
        return tag;
    }
}
