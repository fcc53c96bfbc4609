package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;

/**
 * The RFC 6464 level of the audio in each outgoing packet: frames are added as they go into the
 * encoder, and {@link #takePacketLevel()} gives the level of those added since the previous call
 * (the packet's samples). The energy sums are {@link AudioEnergy}'s, so the level agrees with the
 * W3C {@code audioLevel} of the same audio.
 *
 * <p>Not thread-safe: one sending thread adds and takes.
 */
public final class AudioLevelMeter {
    private final AudioEnergy energy = new AudioEnergy();
    private double energyAtLastPacket;
    private double durationAtLastPacket;
    private boolean packetMayBeVoice; // since the last packet: a frame not known to be without speech

    public void add(AudioFrame frame) {
        energy.add(frame);
        if (frame.voiceActivity() != AudioFrame.VoiceActivity.INACTIVE) {
            packetMayBeVoice = true;
        }
    }

    /** Forgets the frames added since the last packet (a packet that was never sent). */
    public void discardPending() {
        energyAtLastPacket = energy.totalAudioEnergy();
        durationAtLastPacket = energy.totalSamplesDuration();
        packetMayBeVoice = false;
    }

    /**
     * The level of the frames added since the last call; silence if none were.
     *
     * <p>The V (voice activity) bit is clear only when every frame of the packet says
     * {@link AudioFrame.VoiceActivity#INACTIVE} (the capture side's voice activity detection found
     * no speech). Frames nobody looked at ({@code UNKNOWN}) keep it set: RFC 6464 lets a receiver
     * act on the bit where the extmap carries no {@code vad=off} (§4: the default is
     * {@code vad=on}), and a mixer forwarding only talkers would drop a stream whose packets all
     * say "no voice" without anyone having listened.
     */
    public AudioLevel takePacketLevel() {
        double packetEnergy = energy.totalAudioEnergy() - energyAtLastPacket;
        double packetDuration = energy.totalSamplesDuration() - durationAtLastPacket;
        boolean voice = packetMayBeVoice || packetDuration <= 0;
        discardPending();
        double meanSquare = packetDuration > 0 ? packetEnergy / packetDuration : 0;
        return new AudioLevel(AudioLevel.fromMeanSquare(meanSquare), voice);
    }
}
