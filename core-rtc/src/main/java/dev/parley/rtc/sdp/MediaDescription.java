package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * One media description (RFC 8866 §5.14): the {@code m=} line and the lines after it up to the
 * next {@code m=}. The lines, in order, are the source of truth and are written back unchanged;
 * the typed accessors read them. Immutable; {@code with…} methods and {@link Builder} make new
 * values.
 */
public final class MediaDescription {
    private final List<SdpLine> lines;
    private final MediaLine mediaLine;
    private final AttributeView attributes;

    private MediaDescription(List<SdpLine> lines) throws SdpParseException {
        this.lines = List.copyOf(lines);
        this.mediaLine = MediaLine.parse(this.lines.get(0).value());
        List<Attribute> attrs = new ArrayList<>();
        for (SdpLine line : this.lines) {
            if (line.type() == 'a') {
                attrs.add(Attribute.parse(line.value()));
            }
        }
        this.attributes = new AttributeView(attrs);
    }

    /** Checks lines (the first is m=) and makes a media description; numbers errors from firstLine. */
    static MediaDescription of(List<SdpLine> lines, int firstLine) throws SdpParseException {
        SdpValidator.checkMedia(lines, firstLine);
        return new MediaDescription(lines);
    }

    /** For builders and with…: lines that fail the checks are a programming error. */
    private static MediaDescription ofChecked(List<SdpLine> lines) {
        try {
            return of(lines, 1);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException("invalid media description: " + e.getMessage(), e);
        }
    }

    public static Builder builder(MediaLine mediaLine) {
        return new Builder(mediaLine);
    }

    /** All lines of this section in order, starting with the m= line. */
    public List<SdpLine> lines() {
        return lines;
    }

    public MediaLine mediaLine() {
        return mediaLine;
    }

    /** The media type: audio, video, application, … */
    public String type() {
        return mediaLine.media();
    }

    public int port() {
        return mediaLine.port();
    }

    public String protocol() {
        return mediaLine.protocol();
    }

    public List<String> formats() {
        return mediaLine.formats();
    }

    public Optional<String> information() {
        return firstLine('i');
    }

    public Optional<Connection> connection() {
        return firstLine('c').map(v -> parseChecked(Connection::parse, v));
    }

    public List<Bandwidth> bandwidths() {
        List<Bandwidth> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() == 'b') {
                out.add(parseChecked(Bandwidth::parse, l.value()));
            }
        }
        return List.copyOf(out);
    }

    public Optional<String> key() {
        return firstLine('k');
    }

    /** All a= lines in order, known and unknown. */
    public List<Attribute> attributes() {
        return attributes.all();
    }

    public List<Attribute> attributes(String name) {
        return attributes.named(name);
    }

    public boolean hasAttribute(String name) {
        return attributes.has(name);
    }

    /** RFC 5888 §4 / RFC 8843 {@code a=mid}. */
    public Optional<String> mid() {
        return attributes.first(KnownAttributes.MID, KnownAttributes.TOKEN);
    }

    public List<Msid> msids() {
        return attributes.typed(Msid.NAME, Msid::parse);
    }

    public List<Ssrc> ssrcs() {
        return attributes.typed(Ssrc.NAME, Ssrc::parse);
    }

    public List<SsrcGroup> ssrcGroups() {
        return attributes.typed(SsrcGroup.NAME, SsrcGroup::parse);
    }

    public List<RtpMap> rtpMaps() {
        return attributes.typed(RtpMap.NAME, RtpMap::parse);
    }

    public Optional<RtpMap> rtpMap(int payloadType) {
        return find(rtpMaps(), m -> m.payloadType() == payloadType);
    }

    public List<Fmtp> fmtps() {
        return attributes.typed(Fmtp.NAME, Fmtp::parse);
    }

    public Optional<Fmtp> fmtp(int payloadType) {
        String format = Integer.toString(payloadType);
        return find(fmtps(), f -> f.format().equals(format));
    }

    public List<RtcpFeedback> rtcpFeedbacks() {
        return attributes.typed(RtcpFeedback.NAME, RtcpFeedback::parse);
    }

    /** Feedback that applies to this payload type, including {@code a=rtcp-fb:*} lines. */
    public List<RtcpFeedback> rtcpFeedbacks(int payloadType) {
        List<RtcpFeedback> out = new ArrayList<>();
        for (RtcpFeedback fb : rtcpFeedbacks()) {
            if (fb.appliesTo(payloadType)) {
                out.add(fb);
            }
        }
        return List.copyOf(out);
    }

    public List<ExtMap> extMaps() {
        return attributes.typed(ExtMap.NAME, ExtMap::parse);
    }

    /** RFC 8285 §6 {@code a=extmap-allow-mixed}. */
    public boolean extMapAllowMixed() {
        return attributes.has(KnownAttributes.EXTMAP_ALLOW_MIXED);
    }

    public Optional<Rtcp> rtcp() {
        return attributes.first(Rtcp.NAME, Rtcp::parse);
    }

    /** RFC 5761 §5.1.1 {@code a=rtcp-mux}. */
    public boolean rtcpMux() {
        return attributes.has(KnownAttributes.RTCP_MUX);
    }

    /** RFC 8858 {@code a=rtcp-mux-only}. */
    public boolean rtcpMuxOnly() {
        return attributes.has(KnownAttributes.RTCP_MUX_ONLY);
    }

    /** RFC 5506 §5 {@code a=rtcp-rsize}. */
    public boolean rtcpReducedSize() {
        return attributes.has(KnownAttributes.RTCP_RSIZE);
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

    public List<Candidate> candidates() {
        return attributes.candidates();
    }

    /** RFC 8840 §8.2 {@code a=end-of-candidates}. */
    public boolean endOfCandidates() {
        return attributes.has(KnownAttributes.END_OF_CANDIDATES);
    }

    public OptionalInt sctpPort() {
        Optional<Integer> p = attributes.first(KnownAttributes.SCTP_PORT, KnownAttributes.SCTP_PORT_VALUE);
        return p.isPresent() ? OptionalInt.of(p.get()) : OptionalInt.empty();
    }

    public OptionalLong maxMessageSize() {
        Optional<Long> s = attributes.first(KnownAttributes.MAX_MESSAGE_SIZE, KnownAttributes.MAX_MESSAGE_SIZE_VALUE);
        return s.isPresent() ? OptionalLong.of(s.get()) : OptionalLong.empty();
    }

    public Optional<SctpMap> sctpMap() {
        return attributes.first(SctpMap.NAME, SctpMap::parse);
    }

    public List<Rid> rids() {
        return attributes.typed(Rid.NAME, Rid::parse);
    }

    public Optional<Simulcast> simulcast() {
        return attributes.first(Simulcast.NAME, Simulcast::parse);
    }

    /** The media-level direction attribute; absent means the session's, else sendrecv (RFC 8866 §6.7). */
    public Optional<Direction> direction() {
        return attributes.direction();
    }

    /** A copy with the m= line replaced. */
    public MediaDescription withMediaLine(MediaLine newMediaLine) {
        List<SdpLine> copy = new ArrayList<>(lines);
        copy.set(0, new SdpLine('m', newMediaLine.toValue()));
        return ofChecked(copy);
    }

    public MediaDescription withPort(int port) {
        return withMediaLine(mediaLine.withPort(port));
    }

    /** A copy with the attribute appended after the last line. */
    public MediaDescription withAttribute(AttributeValue value) {
        return withAttribute(value.toAttribute());
    }

    public MediaDescription withAttribute(Attribute attribute) {
        List<SdpLine> copy = new ArrayList<>(lines);
        copy.add(attribute.toLine());
        return ofChecked(copy);
    }

    /** A copy without any attribute of this name (e.g. to drop candidates or a direction). */
    public MediaDescription withoutAttributes(String name) {
        List<SdpLine> copy = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l.type() != 'a' || !name.equals(Attribute.nameOf(l.value()))) {
                copy.add(l);
            }
        }
        return ofChecked(copy);
    }

    /** A copy whose direction attribute is replaced (or added) by {@code direction}. */
    public MediaDescription withDirection(Direction direction) {
        List<SdpLine> copy = new ArrayList<>();
        boolean replaced = false;
        for (SdpLine l : lines) {
            if (l.type() == 'a' && Direction.fromSdpName(l.value()) != null) {
                if (!replaced) {
                    copy.add(direction.toAttribute().toLine());
                    replaced = true;
                }
            } else {
                copy.add(l);
            }
        }
        if (!replaced) {
            copy.add(direction.toAttribute().toLine());
        }
        return ofChecked(copy);
    }

    private Optional<String> firstLine(char type) {
        for (SdpLine l : lines) {
            if (l.type() == type) {
                return Optional.of(l.value());
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> find(List<T> list, Predicate<T> test) {
        for (T t : list) {
            if (test.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static <T> T parseChecked(KnownAttributes.ValueParser<T> parser, String value) {
        try {
            return parser.parse(value);
        } catch (SdpParseException e) {
            throw new IllegalStateException("line was validated when the description was built: " + value, e);
        }
    }

    void writeTo(StringBuilder out) {
        for (SdpLine l : lines) {
            out.append(l.type()).append('=').append(l.value()).append("\r\n");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaDescription && ((MediaDescription) o).lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    /** The section as SDP text with CRLF line endings. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        writeTo(sb);
        return sb.toString();
    }

    /**
     * Builds a media description in RFC 8866 order: m=, c=, b=, then attributes in the order added.
     */
    public static final class Builder {
        private final MediaLine mediaLine;
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();

        private Builder(MediaLine mediaLine) {
            this.mediaLine = Objects.requireNonNull(mediaLine, "mediaLine");
        }

        public Builder connection(Connection c) {
            this.connection = c;
            return this;
        }

        public Builder bandwidth(Bandwidth b) {
            bandwidths.add(Objects.requireNonNull(b));
            return this;
        }

        public Builder attribute(AttributeValue value) {
            return attribute(value.toAttribute());
        }

        public Builder attribute(Attribute a) {
            attributes.add(Objects.requireNonNull(a));
            return this;
        }

        /** A property attribute such as {@code rtcp-mux}. */
        public Builder flag(String name) {
            return attribute(Attribute.flag(name));
        }

        /** A value attribute such as {@code mid:0} or {@code ice-ufrag:…}. */
        public Builder attribute(String name, String value) {
            return attribute(new Attribute(name, value));
        }

        /** @throws IllegalArgumentException if an attribute this package knows has a malformed value */
        public MediaDescription build() {
            List<SdpLine> lines = new ArrayList<>();
            lines.add(new SdpLine('m', mediaLine.toValue()));
            if (connection != null) {
                lines.add(new SdpLine('c', connection.toValue()));
            }
            bandwidths.forEach(b -> lines.add(new SdpLine('b', b.toValue())));
            attributes.forEach(a -> lines.add(a.toLine()));
            return ofChecked(lines);
        }
    }
}
