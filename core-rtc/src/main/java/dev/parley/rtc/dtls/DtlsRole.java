package dev.parley.rtc.dtls;

import dev.parley.rtc.sdp.Setup;

/**
 * Which end of the DTLS handshake we are. The SDP {@code setup} attribute decides it (RFC 8842
 * §5): the {@code active} end connects (client), the {@code passive} end accepts (server).
 */
public enum DtlsRole {
    CLIENT,
    SERVER;

    /**
     * The role from our own negotiated {@code a=setup} (after offer/answer, never {@code actpass}).
     *
     * @throws IllegalArgumentException for {@code actpass} or {@code holdconn}, which name no role
     */
    public static DtlsRole fromLocalSetup(Setup local) {
        switch (local) {
            case ACTIVE:
                return CLIENT;
            case PASSIVE:
                return SERVER;
            default:
                throw new IllegalArgumentException("setup:" + local.sdpName() + " does not decide a DTLS role");
        }
    }
}
