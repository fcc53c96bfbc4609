package dev.parley.app.signaling.protocol;

import com.google.gson.annotations.SerializedName;

/**
 * The error codes of the signaling protocol, written on the wire in their kebab-case spelling
 * (see {@code docs/signaling.md}). The first group is what the codec reports about bytes; the
 * rest is what the server reports about a well-formed message it cannot act on.
 */
public enum ErrorCode {
    /** Not JSON, not an object, trailing data, or nested too deep. */
    @SerializedName("bad-json") BAD_JSON,
    /** The {@code v} field is missing or names a version this side does not speak. */
    @SerializedName("unsupported-version") UNSUPPORTED_VERSION,
    /** The {@code type} field is missing or names no message of this direction. */
    @SerializedName("unknown-type") UNKNOWN_TYPE,
    /** A field is missing, of the wrong JSON type, too long, or out of range. */
    @SerializedName("invalid-field") INVALID_FIELD,
    /** The message is larger than the limit (the server's {@code maxMessageBytes}). */
    @SerializedName("too-large") TOO_LARGE,
    /** The connection sent more messages than its rate allows; the message was dropped. */
    @SerializedName("rate-limited") RATE_LIMITED,
    /** The server has as many clients as it accepts; the connection is closed after this. */
    @SerializedName("server-full") SERVER_FULL,
    /** Anything but {@code register} or {@code ping} before registering. */
    @SerializedName("not-registered") NOT_REGISTERED,
    /** {@code register} on a connection that is already registered. */
    @SerializedName("already-registered") ALREADY_REGISTERED,
    /** Another connection is registered under this display name. */
    @SerializedName("name-taken") NAME_TAKEN,
    /** The server requires an access token and this one is missing or wrong. */
    @SerializedName("bad-token") BAD_TOKEN,
    /** {@code invite} names nobody registered. */
    @SerializedName("unknown-user") UNKNOWN_USER,
    /** The call id names no call this connection is a party to (someone else's calls included). */
    @SerializedName("unknown-call") UNKNOWN_CALL,
    /** An {@code invite} reuses the id of a call the server still knows. */
    @SerializedName("duplicate-call") DUPLICATE_CALL,
    /** The message is not allowed in the call's state or the sender's role (accepting one's own invite…). */
    @SerializedName("invalid-state") INVALID_STATE,
    /** Inviting oneself. */
    @SerializedName("self-call") SELF_CALL,
    /** The server failed while handling the message; the connection stays usable. */
    @SerializedName("internal") INTERNAL;

    /** The spelling on the wire. */
    public String wireName() {
        try {
            return ErrorCode.class.getField(name()).getAnnotation(SerializedName.class).value();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
