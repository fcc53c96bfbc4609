package dev.parley.rtc.stun;

/**
 * A STUN method: 12 bits of the message type (RFC 8489 §5). Methods this package does not name
 * are kept as their code so that messages carrying them still round-trip.
 */
public record StunMethod(int code) {
    /** RFC 8489 §18.2. */
    public static final StunMethod BINDING = new StunMethod(0x001);
    /** TURN methods, RFC 8656 §17. */
    public static final StunMethod ALLOCATE = new StunMethod(0x003);
    public static final StunMethod REFRESH = new StunMethod(0x004);
    public static final StunMethod SEND = new StunMethod(0x006);
    public static final StunMethod DATA = new StunMethod(0x007);
    public static final StunMethod CREATE_PERMISSION = new StunMethod(0x008);
    public static final StunMethod CHANNEL_BIND = new StunMethod(0x009);

    public StunMethod {
        if (code < 0 || code > 0xFFF) {
            throw new IllegalArgumentException("STUN method is 12 bits: " + code);
        }
    }

    public String name() {
        return switch (code) {
            case 0x001 -> "Binding";
            case 0x003 -> "Allocate";
            case 0x004 -> "Refresh";
            case 0x006 -> "Send";
            case 0x007 -> "Data";
            case 0x008 -> "CreatePermission";
            case 0x009 -> "ChannelBind";
            default -> String.format("0x%03X", code);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
