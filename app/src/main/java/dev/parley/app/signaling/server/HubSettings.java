package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.IceServer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the hub needs to know about policy.
 *
 * @param token the access token clients must register with, or null for an open server
 * @param iceServers STUN/TURN servers handed to every client on registration
 * @param ringTimeout how long an unanswered invite rings before both parties are told it was missed
 * @param resumeGrace how long an accepted call waits for a party that lost its connection
 * @param heartbeat how often clients should ping (told to them on registration)
 * @param maxClients connections beyond this are refused with {@code server-full}
 * @param presenceBatch how long presence changes are gathered before they go out together (zero: at once)
 */
record HubSettings(String token, List<IceServer> iceServers, Duration ringTimeout, Duration resumeGrace,
                   Duration heartbeat, int maxClients, Duration presenceBatch) {
    HubSettings {
        Objects.requireNonNull(presenceBatch, "presenceBatch");
        iceServers = List.copyOf(iceServers);
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (maxClients < 1 || heartbeat.toSeconds() < 1) {
            throw new IllegalArgumentException("maxClients and heartbeat (seconds) must be positive");
        }
    }

    @Override
    public String toString() {
        return "HubSettings[token " + (token == null ? "none" : "set") + ", " + iceServers.size()
                + " ICE servers, ring " + ringTimeout + ", resume grace " + resumeGrace + ", max " + maxClients + "]";
    }
}
