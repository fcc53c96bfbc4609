package dev.parley.rtc.ice;

import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.stun.TurnAllocation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a relayed candidate's packets through its TURN allocation. A TURN server drops whatever
 * is sent to a peer it has no permission for (RFC 8656 §9), so the first packet to a new peer IP
 * asks for the permission and waits, with a few more, until it is granted; then a channel is bound
 * so the relay carries ChannelData instead of Send indications (RFC 8656 §12).
 */
final class RelayTransport implements CandidateTransport {
    /** Packets held per peer while its permission is pending: enough for the first checks. */
    private static final int MAX_HELD = 16;

    private final TurnAllocation allocation;
    private final SerialExecutor executor;
    private final Map<InetAddress, List<Held>> pending = new HashMap<>();
    private final Map<InetAddress, Boolean> permitted = new HashMap<>();
    private final Map<InetSocketAddress, Boolean> channels = new HashMap<>();

    private record Held(InetSocketAddress to, byte[] packet) {}

    RelayTransport(TurnAllocation allocation, SerialExecutor executor) {
        this.allocation = allocation;
        this.executor = executor;
    }

    @Override
    public boolean send(byte[] packet, InetSocketAddress to) {
        if (!executor.inExecutor()) {
            // The allocation lives on the agent's executor; media sends hop onto it.
            executor.execute(() -> send(packet, to));
            return true;
        }
        InetAddress peer = to.getAddress();
        Boolean granted = permitted.get(peer);
        if (granted == null) {
            permitted.put(peer, Boolean.FALSE);
            pending.put(peer, new ArrayList<>(List.of(new Held(to, packet))));
            allocation.createPermission(peer).whenComplete((ok, failure) -> onPermission(peer, failure == null));
            return true;
        }
        if (!granted) {
            List<Held> held = pending.get(peer);
            if (held == null || held.size() >= MAX_HELD) {
                return false;
            }
            held.add(new Held(to, packet));
            return true;
        }
        bindChannelOnce(to);
        return allocation.send(to, packet);
    }

    private void onPermission(InetAddress peer, boolean ok) {
        List<Held> held = pending.remove(peer);
        if (!ok) {
            permitted.remove(peer); // let a later packet try again
            return;
        }
        permitted.put(peer, Boolean.TRUE);
        for (Held h : held == null ? List.<Held>of() : held) {
            bindChannelOnce(h.to());
            allocation.send(h.to(), h.packet());
        }
    }

    private void bindChannelOnce(InetSocketAddress to) {
        if (channels.putIfAbsent(to, Boolean.TRUE) == null) {
            allocation.bindChannel(to); // until it is confirmed, the allocation uses Send indications
        }
    }

    @Override
    public void close() {
        allocation.close();
    }
}
