package dev.parley.app.desktop;

import dev.parley.app.media.AppMedia;
import dev.parley.app.media.VideoSize;
import dev.parley.rtc.EngineSettings;
import dev.parley.ui.Messages;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every call of the app is made with: the devices, the engine's settings, the camera size to
 * ask for, a timer for statistics, an executor for slow work off the engine's threads, the clock,
 * and the words for people (why a call ended).
 */
record CallServices(AppMedia media, EngineSettings engine, VideoSize cameraSize, ScheduledExecutorService timer,
                    Executor background, Clock clock, Messages messages) {
}
