package dev.parley.ui.call;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The PGP word list (Juola and Zimmermann, PGPfone 1995): two words for each byte value, an
 * "even" one (two syllables) for a byte at an even position and an "odd" one (three syllables)
 * at an odd position. Reading the words aloud, a swapped or dropped word is heard as a wrong
 * syllable count, not just a wrong word.
 *
 * <p>The list lives in the resources module ({@value #RESOURCE}) as lines
 * {@code <byte in hex> <even word> <odd word>}; {@link #load()} checks its shape, so a damaged
 * resource fails loudly instead of yielding a code the other side cannot match.
 */
public final class PgpWordList {
    static final String RESOURCE = "/dev/parley/resources/security/pgp-words.txt";
    private static final int SIZE = 256;

    private final List<String> even;
    private final List<String> odd;

    private PgpWordList(List<String> even, List<String> odd) {
        this.even = List.copyOf(even);
        this.odd = List.copyOf(odd);
    }

    /**
     * Reads the list from the classpath.
     *
     * @throws IllegalStateException if the resource is missing or not 256 lines of 512 distinct words
     */
    public static PgpWordList load() {
        try (InputStream in = PgpWordList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PGP word list " + RESOURCE + " is not on the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PGP word list " + RESOURCE, e);
        }
    }

    private static PgpWordList parse(BufferedReader reader) throws IOException {
        List<String> even = new ArrayList<>(SIZE);
        List<String> odd = new ArrayList<>(SIZE);
        Set<String> seen = new HashSet<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            String expectedByte = String.format(Locale.ROOT, "%02X", even.size());
            if (fields.length != 3 || !fields[0].equalsIgnoreCase(expectedByte)) {
                throw malformed(lineNumber, "expected \"" + expectedByte + " <even word> <odd word>\", got \"" + line + "\"");
            }
            for (int i = 1; i <= 2; i++) {
                if (!seen.add(fields[i].toLowerCase(Locale.ROOT))) {
                    throw malformed(lineNumber, "the word \"" + fields[i] + "\" appears twice");
                }
            }
            even.add(fields[1]);
            odd.add(fields[2]);
        }
        if (even.size() != SIZE) {
            throw malformed(lineNumber, "has " + even.size() + " byte values, expected " + SIZE);
        }
        return new PgpWordList(even, odd);
    }

    private static IllegalStateException malformed(int line, String what) {
        return new IllegalStateException("PGP word list " + RESOURCE + " line " + line + ": " + what);
    }

    /** The word for {@code value} (0..255) at {@code position} in a byte sequence: even or odd list by its parity. */
    public String word(int value, int position) {
        if (value < 0 || value >= SIZE || position < 0) {
            throw new IllegalArgumentException("byte value " + value + " at position " + position);
        }
        return position % 2 == 0 ? even.get(value) : odd.get(value);
    }

    /** The words for {@code bytes}, alternating even and odd words from the first byte on. */
    public List<String> words(byte[] bytes) {
        List<String> out = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            out.add(word(bytes[i] & 0xFF, i));
        }
        return List.copyOf(out);
    }

    /** The 256 words for even positions, in byte order. */
    public List<String> evenWords() {
        return even;
    }

    /** The 256 words for odd positions, in byte order. */
    public List<String> oddWords() {
        return odd;
    }
}
