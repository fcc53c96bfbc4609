package dev.parley.app.signaling.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code type} names of version 1, both directions: the table the codec reads and writes by. */
final class MessageTypes {
    static final Map<String, Class<? extends ClientMessage>> CLIENT = clientTypes();
    static final Map<String, Class<? extends ServerMessage>> SERVER = serverTypes();

    private MessageTypes() {}

    private static Map<String, Class<? extends ClientMessage>> clientTypes() {
        Map<String, Class<? extends ClientMessage>> t = new LinkedHashMap<>();
        t.put("register", ClientMessage.Register.class);
        t.put("invite", ClientMessage.Invite.class);
        t.put("ringing", ClientMessage.Ringing.class);
        t.put("accept", ClientMessage.Accept.class);
        t.put("decline", ClientMessage.Decline.class);
        t.put("cancel", ClientMessage.Cancel.class);
        t.put("busy", ClientMessage.Busy.class);
        t.put("hangup", ClientMessage.Hangup.class);
        t.put("description", ClientMessage.Description.class);
        t.put("candidate", ClientMessage.Candidate.class);
        t.put("ping", ClientMessage.Ping.class);
        return Map.copyOf(t);
    }

    private static Map<String, Class<? extends ServerMessage>> serverTypes() {
        Map<String, Class<? extends ServerMessage>> t = new LinkedHashMap<>();
        t.put("registered", ServerMessage.Registered.class);
        t.put("presence", ServerMessage.Presence.class);
        t.put("presence-update", ServerMessage.PresenceUpdate.class);
        t.put("incoming", ServerMessage.Incoming.class);
        t.put("ringing", ServerMessage.Ringing.class);
        t.put("accepted", ServerMessage.Accepted.class);
        t.put("declined", ServerMessage.Declined.class);
        t.put("cancelled", ServerMessage.Cancelled.class);
        t.put("busy", ServerMessage.Busy.class);
        t.put("missed", ServerMessage.Missed.class);
        t.put("hung-up", ServerMessage.HungUp.class);
        t.put("description", ServerMessage.Description.class);
        t.put("candidate", ServerMessage.Candidate.class);
        t.put("resumed", ServerMessage.Resumed.class);
        t.put("ack", ServerMessage.Ack.class);
        t.put("pong", ServerMessage.Pong.class);
        t.put("error", ServerMessage.Error.class);
        return Map.copyOf(t);
    }

    static <T> String nameOf(Map<String, Class<? extends T>> table, Class<?> type) {
        for (Map.Entry<String, Class<? extends T>> e : table.entrySet()) {
            if (e.getValue() == type) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not a protocol message: " + type.getName());
    }
}
