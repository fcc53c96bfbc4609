package dev.parley.ui.port;

/** The device ids in use (or chosen); an empty string means the system default. */
public record SelectedDevices(String cameraId, String microphoneId, String speakerId) {
    public SelectedDevices {
        cameraId = cameraId == null ? "" : cameraId;
        microphoneId = microphoneId == null ? "" : microphoneId;
        speakerId = speakerId == null ? "" : speakerId;
    }
}
