package dev.parley.rtc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The W3C {@code RTCStatsReport}: stats objects by id, as {@code getStats()} returns them. */
public final class RTCStatsReport {
    private final Map<String, RTCStats> byId;

    RTCStatsReport(List<RTCStats> stats) {
        Map<String, RTCStats> map = new LinkedHashMap<>();
        for (RTCStats s : stats) {
            map.put(s.id(), s);
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    public Optional<RTCStats> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<RTCStats> values() {
        return byId.values();
    }

    /** All objects of one W3C type, e.g. {@code "inbound-rtp"}. */
    public List<RTCStats> ofType(String type) {
        List<RTCStats> out = new ArrayList<>();
        for (RTCStats s : byId.values()) {
            if (s.type().equals(type)) {
                out.add(s);
            }
        }
        return out;
    }

    public int size() {
        return byId.size();
    }

    @Override
    public String toString() {
        return byId.values().toString();
    }
}
