package dev.parley.rtc;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The W3C {@code RTCDataChannelInit} for {@link RTCPeerConnection#createDataChannel}: ordering,
 * at most one of the partial reliability limits (RFC 8831 §6.1), the subprotocol, and for a
 * channel both applications agree on out of band, {@code negotiated} with its {@code id}.
 */
public record RTCDataChannelInit(boolean ordered, OptionalInt maxPacketLifeTime, OptionalInt maxRetransmits,
                                 String protocol, boolean negotiated, OptionalInt id) {
    /** Reliable and ordered, announced in band: the web's {@code {}}. */
    public static final RTCDataChannelInit DEFAULT = builder().build();
    /** The largest stream id a channel may have (W3C: 65534; 65535 is reserved). */
    public static final int MAX_ID = 65_534;

    public RTCDataChannelInit {
        Objects.requireNonNull(maxPacketLifeTime, "maxPacketLifeTime");
        Objects.requireNonNull(maxRetransmits, "maxRetransmits");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(id, "id");
        if (maxPacketLifeTime.isPresent() && maxRetransmits.isPresent()) {
            throw new RTCException(RTCException.TYPE, "maxPacketLifeTime and maxRetransmits cannot both be set");
        }
        if (maxPacketLifeTime.orElse(0) < 0 || maxRetransmits.orElse(0) < 0) {
            throw new RTCException(RTCException.TYPE, "maxPacketLifeTime and maxRetransmits are unsigned");
        }
        if (protocol.getBytes(StandardCharsets.UTF_8).length > 65_535) {
            throw new RTCException(RTCException.TYPE, "protocol is longer than 65535 bytes");
        }
        if (negotiated && id.isEmpty()) {
            throw new RTCException(RTCException.TYPE, "a negotiated channel needs an id");
        }
        if (id.isPresent() && (id.getAsInt() < 0 || id.getAsInt() > MAX_ID)) {
            throw new RTCException(RTCException.TYPE, "id " + id.getAsInt() + " outside 0.." + MAX_ID);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link RTCDataChannelInit}; unset fields take the W3C defaults. */
    public static final class Builder {
        private boolean ordered = true;
        private OptionalInt maxPacketLifeTime = OptionalInt.empty();
        private OptionalInt maxRetransmits = OptionalInt.empty();
        private String protocol = "";
        private boolean negotiated;
        private OptionalInt id = OptionalInt.empty();

        public Builder ordered(boolean ordered) {
            this.ordered = ordered;
            return this;
        }

        /** Milliseconds a message may spend being (re)transmitted before it is given up. */
        public Builder maxPacketLifeTime(int milliseconds) {
            this.maxPacketLifeTime = OptionalInt.of(milliseconds);
            return this;
        }

        public Builder maxRetransmits(int retransmits) {
            this.maxRetransmits = OptionalInt.of(retransmits);
            return this;
        }

        public Builder protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        /** A channel both sides create with the same {@code id}; no DCEP announcement. */
        public Builder negotiated(int id) {
            this.negotiated = true;
            this.id = OptionalInt.of(id);
            return this;
        }

        public Builder id(int id) {
            this.id = OptionalInt.of(id);
            return this;
        }

        public RTCDataChannelInit build() {
            return new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id);
        }
    }
}
