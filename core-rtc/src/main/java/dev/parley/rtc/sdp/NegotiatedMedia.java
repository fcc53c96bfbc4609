package dev.parley.rtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one m= section settled, from our point of view, once offer and answer are both known.
 *
 * @param index                 the m= line index
 * @param mid                   empty only for a rejected section that had no a=mid
 * @param kind                  empty for media types we do not handle (always rejected)
 * @param direction             our current direction (W3C currentDirection): the answer's
 *                              direction, reversed when we are the offerer; inactive if rejected
 * @param sendCodecs            what we may send with, with the remote's payload types and fmtp,
 *                              in the remote's preference order (RFC 3264 §6.1); RTX included
 * @param receiveCodecs         what we may receive, by payload type, with our fmtp; RTX included
 * @param headerExtensions      the agreed extensions with their ids (the offer's)
 * @param remoteSenders         what the remote announced it sends in this section
 * @param remoteRtcpReducedSize the remote accepts reduced-size RTCP (RFC 5506)
 * @param remoteSctpPort        application sections: the remote SCTP port (default 5000, RFC 8841 §5.1)
 * @param remoteMaxMessageSize  application sections: the largest message the remote takes, 0 = no
 *                              limit (default 65536, RFC 8841 §6.1)
 */
public record NegotiatedMedia(int index, Optional<String> mid, Optional<MediaKind> kind, boolean rejected,
                              Direction direction, List<CodecCapability> sendCodecs,
                              Map<Integer, CodecCapability> receiveCodecs, List<ExtMap> headerExtensions,
                              List<RemoteSender> remoteSenders, boolean remoteRtcpReducedSize,
                              OptionalInt remoteSctpPort, OptionalLong remoteMaxMessageSize) {
    public NegotiatedMedia {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        sendCodecs = List.copyOf(sendCodecs);
        receiveCodecs = Collections.unmodifiableMap(new LinkedHashMap<>(receiveCodecs));
        headerExtensions = List.copyOf(headerExtensions);
        remoteSenders = List.copyOf(remoteSenders);
        Objects.requireNonNull(remoteSctpPort, "remoteSctpPort");
        Objects.requireNonNull(remoteMaxMessageSize, "remoteMaxMessageSize");
    }

    /** A rejected section: nothing flows. */
    static NegotiatedMedia rejected(int index, Optional<String> mid, Optional<MediaKind> kind) {
        return new NegotiatedMedia(index, mid, kind, true, Direction.INACTIVE, List.of(), Map.of(), List.of(),
                List.of(), false, OptionalInt.empty(), OptionalLong.empty());
    }

    /** The codec to send with: the remote's first choice that carries media (not RTX, RED, FEC, CN or DTMF). */
    public Optional<CodecCapability> preferredSendCodec() {
        return sendCodecs.stream().filter(CodecCapability::isMediaCodec).findFirst();
    }

    /** The payload type to send RTX for {@code payloadType} with, if RTX was agreed for it. */
    public OptionalInt sendRtxPayloadType(int payloadType) {
        for (CodecCapability c : sendCodecs) {
            if (c.associatedPayloadType().equals(OptionalInt.of(payloadType))) {
                return OptionalInt.of(c.payloadType());
            }
        }
        return OptionalInt.empty();
    }

    /** The agreed id of a header extension, if it was agreed. */
    public OptionalInt headerExtensionId(String uri) {
        for (ExtMap e : headerExtensions) {
            if (e.uri().equals(uri)) {
                return OptionalInt.of(e.id());
            }
        }
        return OptionalInt.empty();
    }

    /** The remote sender whose media or RTX SSRC this is. */
    public Optional<RemoteSender> remoteSenderBySsrc(long ssrc) {
        for (RemoteSender s : remoteSenders) {
            if (s.ssrc().equals(OptionalLong.of(ssrc)) || s.rtxSsrc().equals(OptionalLong.of(ssrc))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
