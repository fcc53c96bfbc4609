package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * ERROR-CODE: a numeric error code 300..699 and a UTF-8 reason phrase (RFC 8489 §14.8). On the
 * wire the code is split into class (hundreds, 3..6) and number (0..99).
 */
public record ErrorCode(int code, String reason) implements StunAttribute {
    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHENTICATED = 401;
    public static final int FORBIDDEN = 403;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int ALLOCATION_MISMATCH = 437;
    public static final int STALE_NONCE = 438;
    public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
    public static final int WRONG_CREDENTIALS = 441;
    public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;
    public static final int ALLOCATION_QUOTA_REACHED = 486;
    /** RFC 8445 §7.3.1.1. */
    public static final int ROLE_CONFLICT = 487;
    public static final int SERVER_ERROR = 500;
    public static final int INSUFFICIENT_CAPACITY = 508;

    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error codes are 300..699: " + code);
        }
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int type() {
        return StunAttributeType.ERROR_CODE;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[4 + text.length];
        out[2] = (byte) (code / 100);
        out[3] = (byte) (code % 100);
        System.arraycopy(text, 0, out, 4, text.length);
        return out;
    }

    static ErrorCode decode(AttributeValue v) throws StunParseException {
        if (v.length < 4) {
            throw v.error("length " + v.length + " is shorter than the 4-byte code");
        }
        // The top 21 bits are reserved and ignored on receipt; class is 3 bits, number 8 bits.
        int errorClass = v.u8(2) & 0x07;
        int number = v.u8(3);
        if (errorClass < 3 || errorClass > 6) {
            throw v.error("error class " + errorClass + " outside 3..6");
        }
        if (number > 99) {
            throw v.error("error number " + number + " outside 0..99");
        }
        return new ErrorCode(errorClass * 100 + number, v.utf8(4));
    }
}
