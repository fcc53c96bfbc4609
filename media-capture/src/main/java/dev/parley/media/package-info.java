/**
 * Devices (issue #7): cameras, microphones, speakers, synthetic and file sources, behind
 * {@link dev.parley.media.MediaDevices} — the web's {@code navigator.mediaDevices} in Java:
 * {@code enumerateDevices()}, {@code getUserMedia()}, {@code getDisplayMedia()} (a screen or a
 * window through FFmpeg's screen grabbers), {@code devicechange}. Cameras come through
 * webcam-capture ({@link dev.parley.media.CameraDrivers}, {@link dev.parley.media.WebcamProvider}),
 * among them FFmpeg's ({@link dev.parley.media.FfmpegCameraDriver} for v4l2/dshow/avfoundation,
 * {@link dev.parley.media.FileCameraDriver} for a looped video file),
 * microphones and speakers through javax.sound ({@link dev.parley.media.JavaSoundProvider}),
 * synthetic ones from core-rtc's test pattern and tone ({@link dev.parley.media.SyntheticCameraDriver},
 * {@link dev.parley.media.SyntheticAudioProvider}).
 */
package dev.parley.media;
