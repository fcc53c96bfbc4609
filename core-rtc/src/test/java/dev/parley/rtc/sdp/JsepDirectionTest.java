package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.Direction.INACTIVE;
import static dev.parley.rtc.sdp.Direction.RECVONLY;
import static dev.parley.rtc.sdp.Direction.SENDONLY;
import static dev.parley.rtc.sdp.Direction.SENDRECV;
import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answer direction for every offered direction and every transceiver direction (RFC 3264
 * §6.1, RFC 8829 §5.3.1), and what each side then sees as its current direction.
 */
class JsepDirectionTest {
    /** Rows: offered direction; columns: the answerer's transceiver direction. Written out, not computed. */
    private static final Direction[][] EXPECTED_ANSWER = {
            //                  SENDRECV  SENDONLY  RECVONLY  INACTIVE   (answerer's transceiver)
            /* SENDRECV offer */ {SENDRECV, SENDONLY, RECVONLY, INACTIVE},
            /* SENDONLY offer */ {RECVONLY, INACTIVE, RECVONLY, INACTIVE},
            /* RECVONLY offer */ {SENDONLY, SENDONLY, INACTIVE, INACTIVE},
            /* INACTIVE offer */ {INACTIVE, INACTIVE, INACTIVE, INACTIVE},
    };
    private static final Direction[] ORDER = {SENDRECV, SENDONLY, RECVONLY, INACTIVE};
    private static final LocalSender ANSWER_SENDER = new LocalSender(9, OptionalLong.empty(), "b", "answer-track",
            List.of("s"));

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (int o = 0; o < 4; o++) {
            for (int a = 0; a < 4; a++) {
                rows.add(Arguments.of(ORDER[o], ORDER[a], EXPECTED_ANSWER[o][a]));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "offer {0}, answerer wants {1} -> answer {2}")
    @MethodSource("table")
    void answerDirectionAndBothSidesCurrentDirection(Direction offered, Direction wanted, Direction expected)
            throws Exception {
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(),
                List.of(JsepFixtures.audio("0").direction(offered).build())));
        SessionDescription answer = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.of(JsepFixtures.audio("0").direction(wanted).sender(ANSWER_SENDER).build()))));
        MediaDescription answered = answer.media().get(0);
        assertEquals(expected, answered.direction().orElseThrow());
        assertEquals(expected.sends(), !answered.msids().isEmpty(), "a=msid only when the answer sends");
        assertEquals(expected.sends(), !answered.ssrcs().isEmpty(), "a=ssrc only when the answer sends");

        NegotiatedMedia atOfferer = JsepNegotiation.negotiate(offer, answer, true).media().get(0);
        NegotiatedMedia atAnswerer = JsepNegotiation.negotiate(answer, offer, false).media().get(0);
        assertEquals(expected, atAnswerer.direction());
        assertEquals(expected.reverse(), atOfferer.direction());
        assertEquals(expected.sends(), atOfferer.remoteSenders().size() == 1,
                "the offerer learns the answerer's sender when the answer sends");
        assertEquals(offered.sends(), atAnswerer.remoteSenders().size() == 1);
    }

    @Test
    void directionAlgebra() {
        assertEquals(SENDONLY, Direction.of(true, false));
        assertEquals(INACTIVE, Direction.of(false, false));
        assertEquals(RECVONLY, SENDRECV.intersect(RECVONLY));
        assertEquals(INACTIVE, SENDONLY.intersect(RECVONLY));
        assertEquals(SENDONLY, SENDONLY.intersect(SENDRECV));
        for (Direction d : ORDER) {
            assertEquals(d, d.intersect(SENDRECV));
            assertEquals(INACTIVE, d.intersect(INACTIVE));
            assertEquals(d, d.reverse().reverse());
        }
    }

    @Test
    void sessionLevelDirectionAppliesWhenTheSectionHasNone() throws Exception {
        SessionDescription offer = JsepOffer.create(SESSION, JsepFixtures.offerer(),
                List.of(JsepFixtures.audio("0").build()));
        offer = offer.withMedia(0, offer.media().get(0).withoutAttributes("sendrecv")).withAttribute(SENDONLY);
        SessionDescription answer = JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.of(JsepFixtures.audio("0").build())));
        assertEquals(RECVONLY, answer.media().get(0).direction().orElseThrow());
    }
}
