package dev.parley.ui.port;

/** Microphone level readings; any thread, a few times a second. */
@FunctionalInterface
public interface LevelListener {

    /** @param level 0 (silence) to 1 (full scale) */
    void onLevel(double level);

    /**
     * Whether the microphone's audio processing hears a voice (not just noise); reported with each
     * level where the microphone's voice detection runs.
     */
    default void onSpeaking(boolean speaking) {}
}
