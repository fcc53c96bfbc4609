package dev.parley.rtc.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one m= section of our description should say, as the peer connection's transceiver (or
 * its data channel transport) sees it. {@link JsepOffer} writes it; {@link JsepAnswer} intersects
 * it with the offer.
 *
 * @param direction        the transceiver's direction (ignored for application sections)
 * @param codecs           in preference order, with our preferred payload types (RTP kinds only)
 * @param headerExtensions with our preferred ids (RTP kinds only)
 * @param sender           present when a track is attached, so the section can announce it
 * @param stopped          the transceiver is stopped: the section is rejected (port 0)
 * @param sctpPort         RFC 8841 §5 a=sctp-port (application only)
 * @param maxMessageSize   RFC 8841 §6 a=max-message-size, 0 for no limit (application only)
 */
public record MediaSectionPlan(String mid, MediaKind kind, Direction direction, List<CodecCapability> codecs,
                               List<HeaderExtensionCapability> headerExtensions, Optional<LocalSender> sender,
                               boolean stopped, int sctpPort, long maxMessageSize) {
    public static final int DEFAULT_SCTP_PORT = 5000;
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 262_144;

    public MediaSectionPlan {
        SdpTokens.requireWord(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
        Objects.requireNonNull(sender, "sender");
        if (kind.isRtp()) {
            checkCodecs(mid, codecs);
            checkExtensionIds(mid, headerExtensions);
        } else if (!codecs.isEmpty() || !headerExtensions.isEmpty() || sender.isPresent()) {
            throw new IllegalArgumentException("mid " + mid + ": an application section has no codecs, "
                    + "header extensions or RTP sender");
        }
        if (sctpPort < 0 || sctpPort > 65535 || maxMessageSize < 0) {
            throw new IllegalArgumentException("mid " + mid + ": bad sctp-port/max-message-size");
        }
    }

    private static void checkCodecs(String mid, List<CodecCapability> codecs) {
        Set<Integer> payloadTypes = new HashSet<>();
        for (CodecCapability c : codecs) {
            if (!payloadTypes.add(c.payloadType())) {
                throw new IllegalArgumentException("mid " + mid + ": payload type " + c.payloadType() + " used twice");
            }
        }
        boolean media = false;
        for (CodecCapability c : codecs) {
            media |= c.isMediaCodec();
            if (c.isRtx() && (c.associatedPayloadType().isEmpty()
                    || !payloadTypes.contains(c.associatedPayloadType().getAsInt()))) {
                throw new IllegalArgumentException("mid " + mid + ": rtx " + c.payloadType()
                        + " needs an apt naming another codec of this section");
            }
        }
        if (!media) {
            throw new IllegalArgumentException("mid " + mid + ": an RTP section needs at least one media codec");
        }
    }

    private static void checkExtensionIds(String mid, List<HeaderExtensionCapability> extensions) {
        Set<Integer> ids = new HashSet<>();
        Set<String> uris = new HashSet<>();
        for (HeaderExtensionCapability e : extensions) {
            if (!ids.add(e.id()) || !uris.add(e.uri())) {
                throw new IllegalArgumentException("mid " + mid + ": header extension id " + e.id()
                        + " or uri " + e.uri() + " used twice");
            }
        }
    }

    public static Builder builder(String mid, MediaKind kind) {
        return new Builder(mid, kind);
    }

    /** A data channel section with the default SCTP port and message size. */
    public static MediaSectionPlan data(String mid) {
        return builder(mid, MediaKind.APPLICATION).build();
    }

    /** The same plan, stopped: offered and answered as rejected. */
    public MediaSectionPlan asStopped() {
        return new MediaSectionPlan(mid, kind, direction, codecs, headerExtensions, sender, true, sctpPort,
                maxMessageSize);
    }

    /** Defaults: sendrecv, no codecs, no extensions, no sender, not stopped, SCTP 5000 / 262144. */
    public static final class Builder {
        private final String mid;
        private final MediaKind kind;
        private Direction direction = Direction.SENDRECV;
        private List<CodecCapability> codecs = List.of();
        private List<HeaderExtensionCapability> headerExtensions = List.of();
        private Optional<LocalSender> sender = Optional.empty();
        private boolean stopped;
        private int sctpPort = DEFAULT_SCTP_PORT;
        private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;

        private Builder(String mid, MediaKind kind) {
            this.mid = mid;
            this.kind = kind;
        }

        public Builder direction(Direction d) {
            this.direction = d;
            return this;
        }

        public Builder codecs(List<CodecCapability> c) {
            this.codecs = c;
            return this;
        }

        public Builder headerExtensions(List<HeaderExtensionCapability> e) {
            this.headerExtensions = e;
            return this;
        }

        public Builder sender(LocalSender s) {
            this.sender = Optional.of(s);
            return this;
        }

        public Builder stopped(boolean s) {
            this.stopped = s;
            return this;
        }

        public Builder sctpPort(int port) {
            this.sctpPort = port;
            return this;
        }

        public Builder maxMessageSize(long size) {
            this.maxMessageSize = size;
            return this;
        }

        /** @throws IllegalArgumentException for inconsistent values (see the record's checks) */
        public MediaSectionPlan build() {
            return new MediaSectionPlan(mid, kind, direction, codecs, headerExtensions, sender, stopped, sctpPort,
                    maxMessageSize);
        }
    }
}
