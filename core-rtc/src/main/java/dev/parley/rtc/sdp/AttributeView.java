package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lookups over one section's attributes, shared by session and media level. The attributes
 * were checked by {@link KnownAttributes} when the section was built, so typed parsing here
 * cannot fail.
 */
final class AttributeView {
    private final List<Attribute> attributes;

    AttributeView(List<Attribute> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    List<Attribute> all() {
        return attributes;
    }

    boolean has(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    List<Attribute> named(String name) {
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                out.add(a);
            }
        }
        return out;
    }

    <T> List<T> typed(String name, KnownAttributes.ValueParser<T> parser) {
        List<T> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equals(name) && a.value() != null) {
                out.add(parseChecked(parser, a));
            }
        }
        return List.copyOf(out);
    }

    <T> Optional<T> first(String name, KnownAttributes.ValueParser<T> parser) {
        for (Attribute a : attributes) {
            if (a.name().equals(name) && a.value() != null) {
                return Optional.of(parseChecked(parser, a));
            }
        }
        return Optional.empty();
    }

    private static <T> T parseChecked(KnownAttributes.ValueParser<T> parser, Attribute a) {
        try {
            return parser.parse(a.value());
        } catch (SdpParseException e) {
            throw new IllegalStateException("attribute was validated when the description was built: " + a, e);
        }
    }

    /** The last direction attribute (RFC 8866 §6.7), if any. */
    Optional<Direction> direction() {
        Direction found = null;
        for (Attribute a : attributes) {
            Direction d = a.isFlag() ? Direction.fromSdpName(a.name()) : null;
            if (d != null) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Common to session and media level (RFC 8829 §5.2.1 allows these at either). */
    Optional<String> iceUfrag() {
        return first(KnownAttributes.ICE_UFRAG, KnownAttributes.WORD);
    }

    Optional<String> icePwd() {
        return first(KnownAttributes.ICE_PWD, KnownAttributes.WORD);
    }

    List<String> iceOptions() {
        List<String> out = new ArrayList<>();
        typed(KnownAttributes.ICE_OPTIONS, KnownAttributes.TOKEN_LIST).forEach(out::addAll);
        return List.copyOf(out);
    }

    List<Fingerprint> fingerprints() {
        return typed(Fingerprint.NAME, Fingerprint::parse);
    }

    Optional<Setup> setup() {
        return first(Setup.NAME, Setup::parse);
    }

    List<Candidate> candidates() {
        return typed(Candidate.NAME, Candidate::parse);
    }
}

