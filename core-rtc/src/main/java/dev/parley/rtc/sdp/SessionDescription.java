package dev.parley.rtc.sdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description, RFC 8866: the session section (v=, o=, s=, … and session-level
 * attributes) followed by media descriptions. The lines, in order, are the source of truth:
 * whatever parses writes back line for line (with CRLF endings), including lines and attributes
 * this package does not know. Typed accessors read the lines; they were all checked on parse.
 *
 * <p>Immutable; {@code with…} methods and {@link Builder} make new values for JSEP (RFC 8829).
 */
public final class SessionDescription {
    private final List<SdpLine> lines;
    private final List<MediaDescription> media;
    private final Origin origin;
    private final AttributeView attributes;

    private SessionDescription(List<SdpLine> lines, List<MediaDescription> media) throws SdpParseException {
        this.lines = List.copyOf(lines);
        this.media = List.copyOf(media);
        this.origin = Origin.parse(this.lines.get(1).value());
        List<Attribute> attrs = new ArrayList<>();
        for (SdpLine line : this.lines) {
            if (line.type() == 'a') {
                attrs.add(Attribute.parse(line.value()));
            }
        }
        this.attributes = new AttributeView(attrs);
    }

    /** Parses SDP text; lines may end in CRLF or LF. */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        Objects.requireNonNull(sdp, "sdp");
        List<SdpLine> all = SdpReader.lines(sdp);
        int firstMedia = all.size();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).type() == 'm') {
                firstMedia = i;
                break;
            }
        }
        List<SdpLine> session = all.subList(0, firstMedia);
        SdpValidator.checkSession(session, 1);
        List<MediaDescription> media = new ArrayList<>();
        int start = firstMedia;
        while (start < all.size()) {
            int end = start + 1;
            while (end < all.size() && all.get(end).type() != 'm') {
                end++;
            }
            media.add(MediaDescription.of(all.subList(start, end), start + 1));
            start = end;
        }
        return new SessionDescription(session, media);
    }

    /** Parses SDP bytes, which must be UTF-8 (RFC 8866 §5: the default charset). */
    public static SessionDescription parse(byte[] sdp) throws SdpParseException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sdp)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            throw new SdpParseException("SDP is not valid UTF-8");
        }
    }

    private static SessionDescription ofChecked(List<SdpLine> lines, List<MediaDescription> media) {
        try {
            SdpValidator.checkSession(lines, 1);
            return new SessionDescription(lines, media);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("invalid session description: " + e.getMessage(), e);
        }
    }

    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    /** The session section's lines in order (v=, o=, s=, …), without the media sections. */
    public List<SdpLine> lines() {
        return lines;
    }

    public List<MediaDescription> media() {
        return media;
    }

    public Origin origin() {
        return origin;
    }

    public String sessionName() {
        return lines.get(2).value();
    }

    public Optional<String> information() {
        return firstLine('i');
    }

    public Optional<String> uri() {
        return firstLine('u');
    }

    public List<String> emails() {
        return allLines('e');
    }

    public List<String> phones() {
        return allLines('p');
    }

    public Optional<Connection> connection() {
        return firstLine('c').map(v -> MediaDescription.parseChecked(Connection::parse, v));
    }

    public List<Bandwidth> bandwidths() {
        List<Bandwidth> out = new ArrayList<>();
        for (String v : allLines('b')) {
            out.add(MediaDescription.parseChecked(Bandwidth::parse, v));
        }
        return List.copyOf(out);
    }

    /** The t= lines, each with the raw r= lines that follow it. */
    public List<Timing> timings() {
        List<Timing> out = new ArrayList<>();
        Timing current = null;
        List<String> repeats = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() == 't') {
                if (current != null) {
                    out.add(new Timing(current.start(), current.stop(), repeats));
                }
                current = MediaDescription.parseChecked(Timing::parse, l.value());
                repeats = new ArrayList<>();
            } else if (l.type() == 'r') {
                repeats.add(l.value());
            }
        }
        if (current != null) {
            out.add(new Timing(current.start(), current.stop(), repeats));
        }
        return List.copyOf(out);
    }

    /** The raw z= value (RFC 8866 §5.11), if any. */
    public Optional<String> zoneAdjustments() {
        return firstLine('z');
    }

    public Optional<String> key() {
        return firstLine('k');
    }

    /** All session-level a= lines in order, known and unknown. */
    public List<Attribute> attributes() {
        return attributes.all();
    }

    public List<Attribute> attributes(String name) {
        return attributes.named(name);
    }

    public boolean hasAttribute(String name) {
        return attributes.has(name);
    }

    public List<Group> groups() {
        return attributes.typed(Group.NAME, Group::parse);
    }

    /** The {@code a=group:BUNDLE} groups, RFC 9143 §7.1. */
    public List<Group> bundleGroups() {
        List<Group> out = new ArrayList<>();
        for (Group g : groups()) {
            if (g.isBundle()) {
                out.add(g);
            }
        }
        return List.copyOf(out);
    }

    public List<MsidSemantic> msidSemantics() {
        return attributes.typed(MsidSemantic.NAME, MsidSemantic::parse);
    }

    /** RFC 8285 §6 {@code a=extmap-allow-mixed} at session level. */
    public boolean extMapAllowMixed() {
        return attributes.has(KnownAttributes.EXTMAP_ALLOW_MIXED);
    }

    /** RFC 8839 §5.3 {@code a=ice-lite}. */
    public boolean iceLite() {
        return attributes.has(KnownAttributes.ICE_LITE);
    }

    public Optional<String> iceUfrag() {
        return attributes.iceUfrag();
    }

    public Optional<String> icePwd() {
        return attributes.icePwd();
    }

    public List<String> iceOptions() {
        return attributes.iceOptions();
    }

    public List<Fingerprint> fingerprints() {
        return attributes.fingerprints();
    }

    public Optional<Setup> setup() {
        return attributes.setup();
    }

    public Optional<Direction> direction() {
        return attributes.direction();
    }

    /** The media section whose a=mid is {@code mid}. */
    public Optional<MediaDescription> mediaByMid(String mid) {
        for (MediaDescription m : media) {
            if (m.mid().filter(mid::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        List<SdpLine> copy = new ArrayList<>(lines);
        copy.set(1, new SdpLine('o', newOrigin.toValue()));
        return ofChecked(copy, media);
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return ofChecked(lines, newMedia);
    }

    /** A copy with media section {@code index} replaced. */
    public SessionDescription withMedia(int index, MediaDescription section) {
        List<MediaDescription> copy = new ArrayList<>(media);
        copy.set(index, Objects.requireNonNull(section));
        return ofChecked(lines, copy);
    }

    /** A copy with the session-level attribute appended after the last session line. */
    public SessionDescription withAttribute(AttributeValue value) {
        return withAttribute(value.toAttribute());
    }

    public SessionDescription withAttribute(Attribute attribute) {
        List<SdpLine> copy = new ArrayList<>(lines);
        copy.add(attribute.toLine());
        return ofChecked(copy, media);
    }

    public SessionDescription withoutAttributes(String name) {
        List<SdpLine> copy = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() != 'a' || !name.equals(Attribute.nameOf(l.value()))) {
                copy.add(l);
            }
        }
        return ofChecked(copy, media);
    }

    private Optional<String> firstLine(char type) {
        for (SdpLine l : lines) {
            if (l.type() == type) {
                return Optional.of(l.value());
            }
        }
        return Optional.empty();
    }

    private List<String> allLines(char type) {
        List<String> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() == type) {
                out.add(l.value());
            }
        }
        return List.copyOf(out);
    }

    /** The whole description as SDP text, every line ending in CRLF (RFC 8866 §5). */
    public String write() {
        StringBuilder sb = new StringBuilder();
        for (SdpLine l : lines) {
            sb.append(l.type()).append('=').append(l.value()).append("\r\n");
        }
        for (MediaDescription m : media) {
            m.writeTo(sb);
        }
        return sb.toString();
    }

    /** {@link #write()} encoded as UTF-8. */
    public byte[] toBytes() {
        return write().getBytes(StandardCharsets.UTF_8);
    }

    /** Same as {@link #write()}. */
    @Override
    public String toString() {
        return write();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDescription && ((SessionDescription) o).lines.equals(lines)
                && ((SessionDescription) o).media.equals(media);
    }

    @Override
    public int hashCode() {
        return lines.hashCode() * 31 + media.hashCode();
    }

    /**
     * Builds a description in RFC 8866 order: v=0, o=, s=, c=, b=, t=, session attributes,
     * then the media sections. Defaults: {@code s=-} and {@code t=0 0} (RFC 8829 §5.2.1).
     */
    public static final class Builder {
        private final Origin origin;
        private String sessionName = "-";
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
        }

        public Builder sessionName(String name) {
            this.sessionName = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder connection(Connection c) {
            this.connection = c;
            return this;
        }

        public Builder bandwidth(Bandwidth b) {
            bandwidths.add(Objects.requireNonNull(b));
            return this;
        }

        public Builder timing(Timing t) {
            timings.add(Objects.requireNonNull(t));
            return this;
        }

        public Builder attribute(AttributeValue value) {
            return attribute(value.toAttribute());
        }

        public Builder attribute(Attribute a) {
            attributes.add(Objects.requireNonNull(a));
            return this;
        }

        public Builder flag(String name) {
            return attribute(Attribute.flag(name));
        }

        public Builder media(MediaDescription m) {
            media.add(Objects.requireNonNull(m));
            return this;
        }

        /** @throws IllegalArgumentException if a value does not form a valid line */
        public SessionDescription build() {
            List<SdpLine> lines = new ArrayList<>();
            lines.add(new SdpLine('v', "0"));
            lines.add(new SdpLine('o', origin.toValue()));
            lines.add(new SdpLine('s', sessionName));
            if (connection != null) {
                lines.add(new SdpLine('c', connection.toValue()));
            }
            bandwidths.forEach(b -> lines.add(new SdpLine('b', b.toValue())));
            List<Timing> ts = timings.isEmpty() ? List.of(new Timing(0, 0)) : timings;
            for (Timing t : ts) {
                lines.add(new SdpLine('t', t.toValue()));
                t.repeats().forEach(r -> lines.add(new SdpLine('r', r)));
            }
            attributes.forEach(a -> lines.add(a.toLine()));
            return ofChecked(lines, media);
        }
    }
}
