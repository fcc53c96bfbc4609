package dev.parley.rtc.sdp;

/** A typed attribute value (rtpmap, candidate, …) that can be written back as an {@link Attribute}. */
public interface AttributeValue {
    Attribute toAttribute();
}
