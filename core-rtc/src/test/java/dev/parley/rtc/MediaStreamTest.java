package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MediaStreamTest {
    private final MediaStreamTrack mic = new AudioTrackSource().createTrack("mic");
    private final MediaStreamTrack camera = new VideoTrackSource().createTrack("camera");

    @Test
    void idIsANewUuidOrTheGivenOne() {
        MediaStream fresh = new MediaStream();
        assertEquals(fresh.id(), UUID.fromString(fresh.id()).toString());
        assertEquals("stream-from-msid", new MediaStream("stream-from-msid").id());
        assertThrows(IllegalArgumentException.class, () -> new MediaStream(""));
    }

    @Test
    void addAndRemoveAreIdempotent_tracksKeepTheirOrder() {
        MediaStream stream = new MediaStream();
        stream.addTrack(mic);
        stream.addTrack(camera);
        stream.addTrack(mic);
        assertEquals(List.of(mic, camera), stream.getTracks());
        stream.removeTrack(mic);
        stream.removeTrack(mic);
        assertEquals(List.of(camera), stream.getTracks());
        assertThrows(IllegalArgumentException.class, () -> stream.addTrack(null));
    }

    @Test
    void tracksByKindAndById() {
        MediaStream stream = new MediaStream(List.of(camera, mic, camera));
        assertEquals(List.of(mic), stream.getAudioTracks());
        assertEquals(List.of(camera), stream.getVideoTracks());
        assertEquals(Optional.of(camera), stream.getTrackById(camera.id()));
        assertEquals(Optional.empty(), stream.getTrackById("no-such-track"));
    }

    @Test
    void activeWhileAnyTrackIsLive() {
        MediaStream stream = new MediaStream();
        assertFalse(stream.active());
        stream.addTrack(mic);
        stream.addTrack(camera);
        mic.stop();
        assertTrue(stream.active());
        camera.stop();
        assertFalse(stream.active());
    }

    @Test
    void theApplicationsOwnChangesFireNoEvents_theEnginesFireOnceEach() throws Exception {
        MediaStream stream = new MediaStream("remote");
        List<String> events = new ArrayList<>();
        AutoCloseable registration = stream.addListener(new MediaStreamListener() {
            @Override
            public void onAddTrack(MediaStream s, MediaStreamTrack track) {
                events.add("add " + track.label() + " to " + s.id());
            }

            @Override
            public void onRemoveTrack(MediaStream s, MediaStreamTrack track) {
                events.add("remove " + track.label() + " from " + s.id());
            }
        });

        stream.addTrack(mic);
        stream.removeTrack(mic);
        assertEquals(List.of(), events);

        stream.addTrackAndNotify(camera);
        stream.addTrackAndNotify(camera);
        stream.removeTrackAndNotify(camera);
        stream.removeTrackAndNotify(camera);
        assertEquals(List.of("add camera to remote", "remove camera from remote"), events);

        registration.close();
        stream.addTrackAndNotify(mic);
        assertEquals(2, events.size());
        assertEquals(List.of(mic), stream.getTracks());
    }
}
