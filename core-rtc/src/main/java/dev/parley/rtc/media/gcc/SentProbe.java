package dev.parley.rtc.media.gcc;

/**
 * A probe as the pacer sent it: every RTP packet that left between {@code firstSendNanos} and
 * {@code lastSendNanos} (executor clock, the one transport-wide feedback is stamped with) belongs
 * to it — its padding and the media paced with it, and any audio that went meanwhile, all of it
 * bytes the path had to carry.
 */
public record SentProbe(ProbeRequest request, long firstSendNanos, long lastSendNanos) {}
