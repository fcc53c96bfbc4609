package dev.parley.rtc.sctp;

import java.security.SecureRandom;
import java.util.Random;

/**
 * A {@link SecureRandom} that repeats: tags, initial TSNs, cookie secrets and heartbeat nonces
 * drawn from a seed, so that a test's run is the same every time. For tests only.
 */
final class SeededSecureRandom extends SecureRandom {
    private final Random random;

    SeededSecureRandom(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes); // SecureRandom.next(int), and so nextInt/nextLong, read from here
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] seed = new byte[numBytes];
        nextBytes(seed);
        return seed;
    }
}
