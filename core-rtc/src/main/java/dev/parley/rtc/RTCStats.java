package dev.parley.rtc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One W3C stats object (webrtc-stats): an {@link #id()}, a {@link #type()} such as
 * {@code "inbound-rtp"}, a {@link #timestamp()} in milliseconds since the Unix epoch, and its
 * members under their W3C names ({@code packetsReceived}, {@code totalAudioEnergy}, …) as
 * {@code Long}, {@code Double}, {@code Boolean} or {@code String}.
 */
public final class RTCStats {
    private final String id;
    private final String type;
    private final double timestamp;
    private final Map<String, Object> members;

    RTCStats(String id, String type, double timestamp, Map<String, Object> members) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.timestamp = timestamp;
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public double timestamp() {
        return timestamp;
    }

    /** Every member but id, type and timestamp, in insertion order. */
    public Map<String, Object> members() {
        return members;
    }

    public Optional<Object> get(String member) {
        return Optional.ofNullable(members.get(member));
    }

    /** A numeric member as a long (0 if absent). */
    public long getLong(String member) {
        Object v = members.get(member);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    /** A numeric member as a double (0 if absent). */
    public double getDouble(String member) {
        Object v = members.get(member);
        return v instanceof Number ? ((Number) v).doubleValue() : 0;
    }

    public Optional<String> getString(String member) {
        Object v = members.get(member);
        return v instanceof String ? Optional.of((String) v) : Optional.empty();
    }

    @Override
    public String toString() {
        return type + " " + id + " " + members;
    }

    /** Collects the members of one stats object. */
    static final class Builder {
        private final String id;
        private final String type;
        private final double timestamp;
        private final Map<String, Object> members = new LinkedHashMap<>();

        Builder(String id, String type, double timestamp) {
            this.id = id;
            this.type = type;
            this.timestamp = timestamp;
        }

        Builder put(String member, Object value) {
            if (value != null) {
                members.put(member, value);
            }
            return this;
        }

        RTCStats build() {
            return new RTCStats(id, type, timestamp, members);
        }
    }
}
