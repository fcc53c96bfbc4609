package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The PGP word list resource: its shape, and the word order PGP's own examples use. */
class PgpWordListTest {
    private final PgpWordList list = PgpWordList.load();

    @Test
    void has256EvenAnd256OddWords_512Distinct() {
        assertEquals(256, list.evenWords().size());
        assertEquals(256, list.oddWords().size());
        Set<String> distinct = new HashSet<>();
        for (String w : list.evenWords()) {
            distinct.add(w.toLowerCase(Locale.ROOT));
        }
        for (String w : list.oddWords()) {
            distinct.add(w.toLowerCase(Locale.ROOT));
        }
        assertEquals(512, distinct.size(), "no word repeats, in either list or across them");
        for (String w : distinct) {
            assertEquals(true, w.matches("[a-z]+"), "plain ASCII letters, easy to read aloud: " + w);
        }
    }

    @Test
    void firstAndLastBytes_areTheListsEnds() {
        assertEquals(List.of("aardvark", "adroitness"), list.words(new byte[] {0, 0}));
        assertEquals(List.of("Zulu", "Yucatan"), list.words(new byte[] {(byte) 0xFF, (byte) 0xFF}));
    }

    /**
     * A published example of the list (the pgp-words tool's README, a fingerprint in words):
     * 20 bytes, so it checks the alignment of 40 entries across both lists.
     */
    @Test
    void aPublishedFingerprint_readsAsPublished() {
        byte[] fingerprint = java.util.HexFormat.of().parseHex("d1c225e426c633dd94d1a7e8c3f408aa9b342488");
        assertEquals(List.of("stairway", "repellent", "bombast", "tradition", "bookshelf", "responsive", "chisel",
                "tambourine", "Pluto", "scavenger", "repay", "typewriter", "snowcap", "Virginia", "aimless",
                "pedigree", "puppy", "confidence", "bluebird", "maritime"), list.words(fingerprint));
    }

    @Test
    void evenAndOddPositions_useDifferentWordsForTheSameByte() {
        assertEquals(List.of("quiver", "onlooker"), list.words(new byte[] {(byte) 0x9E, (byte) 0x9E}));
    }

    @Test
    void outOfRange_isAClearError() {
        assertThrows(IllegalArgumentException.class, () -> list.word(256, 0));
        assertThrows(IllegalArgumentException.class, () -> list.word(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> list.word(0, -1));
    }
}
