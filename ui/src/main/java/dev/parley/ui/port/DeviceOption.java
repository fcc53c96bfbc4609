package dev.parley.ui.port;

import java.util.Objects;

/** A device people can pick: its id (empty: the system default) and its label. */
public record DeviceOption(String id, String label) {
    public DeviceOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }

    /** The label, so a plain ComboBox shows it. */
    @Override
    public String toString() {
        return label;
    }
}
