package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast:send <list> [recv <list>]} (or recv first), RFC 8853 §5.1. A list is
 * {@code ;}-separated streams, each a {@code ,}-separated set of alternative rids, each rid
 * optionally paused with {@code ~}. Example: {@code send 1;~4;5 recv 2;3}.
 *
 * @param send    the send streams (each a list of alternatives), empty when absent
 * @param receive the receive streams, empty when absent
 */
public record Simulcast(List<List<Id>> send, List<List<Id>> receive) implements AttributeValue {
    public static final String NAME = "simulcast";

    /** One rid in a simulcast list, RFC 8853 §5.1 sc-id. */
    public record Id(String rid, boolean paused) {
        public Id {
            if (!Rid.isRidId(rid)) {
                throw new IllegalArgumentException("bad rid-id: " + rid);
            }
        }
    }

    public Simulcast {
        send = copy(send);
        receive = copy(receive);
        if (send.isEmpty() && receive.isEmpty()) {
            throw new IllegalArgumentException("simulcast needs a send or a recv list");
        }
    }

    private static List<List<Id>> copy(List<List<Id>> streams) {
        List<List<Id>> out = new ArrayList<>();
        for (List<Id> alternatives : streams) {
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("empty simulcast stream");
            }
            out.add(List.copyOf(alternatives));
        }
        return List.copyOf(out);
    }

    public static Simulcast parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.size() != 2 && f.size() != 4) {
            throw new SdpParseException("simulcast needs 'send <list>' and/or 'recv <list>', got "
                    + SdpTokens.quote(value));
        }
        List<List<Id>> send = List.of();
        List<List<Id>> recv = List.of();
        for (int i = 0; i < f.size(); i += 2) {
            RidDirection dir = RidDirection.parse(f.get(i), "simulcast");
            List<List<Id>> list = parseList(f.get(i + 1));
            if (dir == RidDirection.SEND && send.isEmpty()) {
                send = list;
            } else if (dir == RidDirection.RECV && recv.isEmpty()) {
                recv = list;
            } else {
                throw new SdpParseException("simulcast repeats " + dir.sdpName());
            }
        }
        return new Simulcast(send, recv);
    }

    private static List<List<Id>> parseList(String text) throws SdpParseException {
        List<List<Id>> streams = new ArrayList<>();
        for (String stream : text.split(";", -1)) {
            List<Id> alternatives = new ArrayList<>();
            for (String id : stream.split(",", -1)) {
                boolean paused = id.startsWith("~");
                String rid = paused ? id.substring(1) : id;
                if (!Rid.isRidId(rid)) {
                    throw new SdpParseException("simulcast rid " + SdpTokens.quote(id)
                            + " must be letters, digits, '-' or '_' (optionally after '~')");
                }
                alternatives.add(new Id(rid, paused));
            }
            streams.add(alternatives);
        }
        return streams;
    }

    private static void appendList(StringBuilder sb, String dir, List<List<Id>> streams) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(dir).append(' ');
        for (int s = 0; s < streams.size(); s++) {
            if (s > 0) {
                sb.append(';');
            }
            List<Id> alternatives = streams.get(s);
            for (int a = 0; a < alternatives.size(); a++) {
                if (a > 0) {
                    sb.append(',');
                }
                sb.append(alternatives.get(a).paused() ? "~" : "").append(alternatives.get(a).rid());
            }
        }
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder();
        if (!send.isEmpty()) {
            appendList(sb, "send", send);
        }
        if (!receive.isEmpty()) {
            appendList(sb, "recv", receive);
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
