package dev.parley.rtc;

/** The W3C {@code RTCOfferOptions}: {@code iceRestart} makes the offer carry new ICE credentials. */
public record RTCOfferOptions(boolean iceRestart) {
    public static final RTCOfferOptions DEFAULT = new RTCOfferOptions(false);
}
