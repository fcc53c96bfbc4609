package dev.parley.rtc;

import java.util.List;
import java.util.Objects;

/**
 * The W3C {@code RTCIceServer}: one STUN or TURN server reachable under one or more URLs, with
 * the long-term credentials TURN needs. URLs are checked when the configuration is applied.
 */
public record RTCIceServer(List<String> urls, String username, String credential) {
    public RTCIceServer {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    }

    public static RTCIceServer stun(String url) {
        return new RTCIceServer(List.of(url), null, null);
    }

    public static RTCIceServer turn(String url, String username, String credential) {
        return new RTCIceServer(List.of(url), username, credential);
    }

    /** Keeps the credential out of logs. */
    @Override
    public String toString() {
        return "RTCIceServer[urls=" + urls + ", username=" + username + (credential == null ? "" : ", credential=<set>") + "]";
    }
}
