package dev.parley.rtc;

/**
 * The W3C {@code RTCSdpType} of a session description.
 */
public enum RTCSdpType {
    OFFER("offer"),
    PRANSWER("pranswer"),
    ANSWER("answer"),
    ROLLBACK("rollback");

    private final String w3cName;

    RTCSdpType(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCSdpType fromW3cName(String w3cName) {
        for (RTCSdpType v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCSdpType: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
