package dev.parley.rtc.stun;

import dev.parley.rtc.net.SerialExecutor;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to one TURN server over one {@link TurnLink}, with long-term credentials
 * (RFC 8489 §9.2): the first request goes without them, the 401 that answers it brings REALM
 * and NONCE, and every later request carries USERNAME, REALM, NONCE and MESSAGE-INTEGRITY under
 * MD5(username:realm:password). A 438 (Stale Nonce) brings a new nonce and the request is sent
 * again with it. Responses to authenticated requests must carry a valid MESSAGE-INTEGRITY (error
 * responses may lack one, but not a wrong one), else the transaction layer drops them.
 *
 * <p>Also the first stop for what the server sends: responses go to the transactions,
 * Data indications and ChannelData to the {@link PeerTraffic} sink. Confined to the executor.
 */
final class TurnSession implements TurnLink.Handler {
    private static final Logger log = LoggerFactory.getLogger(TurnSession.class);
    /** A fresh nonce should be accepted at once; more than a couple in a row means a broken server. */
    private static final int MAX_NONCE_RETRIES = 2;

    /** Where relayed traffic and the end of the link go. */
    interface PeerTraffic {
        void onDataIndication(StunMessage indication);

        void onChannelData(ChannelData data);

        void onLinkClosed(IOException cause);
    }

    private final SerialExecutor executor;
    private final TurnCredentials credentials;
    private final RetransmissionSchedule schedule;
    private final String serverDescription;
    private final StunClientTransactions transactions;
    private final Random random;
    private TurnLink link;
    private PeerTraffic peerTraffic;
    private String realm;
    private String nonce;
    private byte[] key;
    private long malformedInbound;
    /** Why the link ended, once it has: running requests then fail with this, not "abandoned". */
    private String linkEnded;
    private long unexpectedInbound;
    private long staleNonces;

    TurnSession(SerialExecutor executor, TurnCredentials credentials, RetransmissionSchedule schedule,
            String serverDescription, Random random) {
        this.executor = executor;
        this.credentials = credentials;
        this.schedule = schedule;
        this.serverDescription = serverDescription;
        this.transactions = new StunClientTransactions(executor);
        this.random = random;
    }

    void attach(TurnLink openedLink) {
        this.link = openedLink;
    }

    void setPeerTraffic(PeerTraffic sink) {
        this.peerTraffic = sink;
    }

    TurnLink link() {
        return link;
    }

    /**
     * Sends a request with {@code attributes} (credentials are added here) and completes with
     * the success response, or fails with a {@link TurnException}: the server's error code, or
     * none for a timeout or a closed link.
     */
    CompletableFuture<StunMessage> request(StunMethod method, List<StunAttribute> attributes) {
        CompletableFuture<StunMessage> result = new CompletableFuture<>();
        attempt(method, attributes, result, 0);
        return result;
    }

    private void attempt(StunMethod method, List<StunAttribute> attributes, CompletableFuture<StunMessage> result,
            int nonceRetries) {
        StunMessageBuilder builder = StunMessage.builder(StunClass.REQUEST, method, TransactionId.random(random));
        attributes.forEach(builder::add);
        byte[] requestKey = key;
        if (requestKey != null) {
            builder.add(new Username(credentials.username())).add(new Realm(realm)).add(new Nonce(nonce))
                    .addMessageIntegrity(requestKey);
        }
        StunMessage request = builder.addFingerprint().build();
        transactions.start(request, request.toBytes(), link::send, schedule, link.isStream(),
                        response -> isAuthentic(response, requestKey))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        result.completeExceptionally(failureOf(method, error));
                    } else {
                        onResponse(method, attributes, result, nonceRetries, requestKey != null, response.message());
                    }
                });
    }

    private void onResponse(StunMethod method, List<StunAttribute> attributes, CompletableFuture<StunMessage> result,
            int nonceRetries, boolean authenticated, StunMessage response) {
        if (response.messageClass() == StunClass.SUCCESS_RESPONSE) {
            result.complete(response);
            return;
        }
        ErrorCode error = response.first(ErrorCode.class).orElse(new ErrorCode(ErrorCode.BAD_REQUEST, ""));
        int code = error.code();
        boolean challenge = code == ErrorCode.UNAUTHENTICATED && !authenticated;
        boolean stale = code == ErrorCode.STALE_NONCE && nonceRetries < MAX_NONCE_RETRIES;
        if ((challenge || stale) && learnRealmAndNonce(response)) {
            if (stale) {
                staleNonces++;
            }
            attempt(method, attributes, result, stale ? nonceRetries + 1 : nonceRetries);
            return;
        }
        if (code == ErrorCode.UNAUTHENTICATED && authenticated) {
            result.completeExceptionally(new TurnException(code, error.reason(), method + " to " + serverDescription
                    + " rejected the credentials of user '" + credentials.username() + "': 401 " + error.reason(),
                    null));
            return;
        }
        result.completeExceptionally(TurnException.errorResponse(method, code, error.reason()));
    }

    /** Takes REALM and NONCE from a 401/438 (RFC 8489 §9.2.5); false if the challenge lacks them. */
    private boolean learnRealmAndNonce(StunMessage response) {
        String newNonce = response.first(Nonce.class).map(Nonce::nonce).orElse(null);
        String newRealm = response.first(Realm.class).map(Realm::realm).orElse(realm);
        if (newNonce == null || newRealm == null) {
            return false;
        }
        if (!newRealm.equals(realm) || key == null) {
            realm = newRealm;
            key = credentials.key(newRealm);
        }
        nonce = newNonce;
        return true;
    }

    /**
     * The transaction validator (RFC 8489 §9.2.5): with a key, a present MESSAGE-INTEGRITY must
     * verify, a success must carry one, and a 400 without one is discarded. A FINGERPRINT, if
     * any, must match.
     */
    private static boolean isAuthentic(StunResponse response, byte[] requestKey) {
        byte[] raw = response.raw();
        StunMessage message = response.message();
        if (message.first(Fingerprint.class).isPresent() && !StunIntegrity.checkFingerprint(raw)) {
            return false;
        }
        if (requestKey == null) {
            return true;
        }
        if (message.first(MessageIntegrity.class).isPresent()) {
            return StunIntegrity.checkIntegrity(raw, requestKey);
        }
        return message.messageClass() == StunClass.ERROR_RESPONSE && response.errorCode() != ErrorCode.BAD_REQUEST;
    }

    private TurnException failureOf(StunMethod method, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof StunTimeoutException) {
            return TurnException.noResponse("TURN server " + serverDescription + " did not answer " + method
                    + " (" + cause.getMessage() + ")", cause);
        }
        if (cause instanceof CancellationException && linkEnded != null) {
            return TurnException.noResponse(method + " to " + serverDescription + " failed: " + linkEnded, cause);
        }
        if (cause instanceof CancellationException) {
            return TurnException.noResponse(method + " to " + serverDescription + " abandoned: the client closed", cause);
        }
        return TurnException.noResponse(method + " to " + serverDescription + " failed: " + cause, cause);
    }

    /** Sends an indication or ChannelData: no transaction, no credentials (RFC 8656 §11.1, §12.5). */
    boolean sendUnreliable(byte[] message) {
        return link.send(message);
    }

    @Override
    public void onMessage(byte[] message) {
        if (ChannelData.looksLikeChannelData(message, 0, message.length)) {
            try {
                ChannelData data = ChannelData.parse(message);
                if (peerTraffic != null) {
                    peerTraffic.onChannelData(data);
                } else {
                    unexpectedInbound++;
                }
            } catch (StunParseException e) {
                malformedInbound++;
            }
            return;
        }
        StunMessage parsed;
        try {
            parsed = StunMessage.parse(message);
        } catch (StunParseException e) {
            malformedInbound++;
            log.debug("dropped malformed message from TURN server {}: {}", serverDescription, e.getMessage());
            return;
        }
        StunClass kind = parsed.messageClass();
        if (kind == StunClass.SUCCESS_RESPONSE || kind == StunClass.ERROR_RESPONSE) {
            transactions.onResponse(new StunResponse(parsed, message, null));
        } else if (kind == StunClass.INDICATION && parsed.method().equals(StunMethod.DATA) && peerTraffic != null) {
            peerTraffic.onDataIndication(parsed);
        } else {
            unexpectedInbound++;
        }
    }

    @Override
    public void onLinkClosed(IOException cause) {
        linkEnded = "the connection closed" + (cause == null ? "" : ": " + cause.getMessage());
        transactions.cancelAll();
        if (peerTraffic != null) {
            peerTraffic.onLinkClosed(cause);
        }
    }

    /** Stops every running request and closes the link. */
    void close() {
        transactions.cancelAll();
        if (link != null) {
            link.close();
        }
    }

    /** Responses dropped: no matching transaction, or failed integrity/fingerprint. */
    long droppedResponses() {
        return transactions.unmatchedResponses() + transactions.rejectedResponses();
    }

    long rejectedResponses() {
        return transactions.rejectedResponses();
    }

    /** Messages from the server that did not parse, or were dropped by the link (foreign source, framing). */
    long malformedInbound() {
        return malformedInbound + (link == null ? 0 : link.droppedInbound());
    }

    /** Well-formed messages the client has no use for (requests, other indications). */
    long unexpectedInbound() {
        return unexpectedInbound;
    }

    /** 438 answers that were retried with the server's new nonce. */
    long staleNonces() {
        return staleNonces;
    }

    SerialExecutor executor() {
        return executor;
    }
}
