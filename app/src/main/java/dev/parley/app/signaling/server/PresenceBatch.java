package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Presence changes gathered on the hub's thread until the next flush, so that n clients joining
 * cost O(n) update messages per flush instead of O(n²) in all. A name that joins and leaves
 * within one batch is reported as left (harmless to those who never saw it).
 */
final class PresenceBatch {
    private final Set<String> joined = new LinkedHashSet<>();
    private final Set<String> left = new LinkedHashSet<>();

    void joined(String name) {
        left.remove(name);
        joined.add(name);
    }

    void left(String name) {
        joined.remove(name);
        left.add(name);
    }

    boolean isEmpty() {
        return joined.isEmpty() && left.isEmpty();
    }

    /** Sends the gathered changes to each of {@code members} (leaving out their own name) and starts a new batch. */
    void flushTo(Collection<Member> members) {
        if (isEmpty()) {
            return;
        }
        List<String> allJoined = List.copyOf(joined);
        List<String> allLeft = List.copyOf(left);
        Set<String> joinedNow = Set.copyOf(joined);
        ServerMessage.PresenceUpdate shared = new ServerMessage.PresenceUpdate(allJoined, allLeft);
        joined.clear();
        left.clear();
        for (Member m : members) {
            if (joinedNow.contains(m.name)) {
                List<String> others = new ArrayList<>(allJoined);
                others.remove(m.name);
                if (!others.isEmpty() || !allLeft.isEmpty()) {
                    m.connection.send(new ServerMessage.PresenceUpdate(others, allLeft));
                }
            } else {
                m.connection.send(shared);
            }
        }
    }
}
