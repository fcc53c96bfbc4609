package dev.parley.rtc.srtp;

import java.util.Arrays;

/**
 * Splits the keying material exported from DTLS with label "EXTRACTOR-dtls_srtp" into the two
 * directions' master keys (RFC 5764 §4.2). The material is laid out
 * {@code client_write_key | server_write_key | client_write_salt | server_write_salt}; the DTLS
 * client protects what it sends with the client's pair, the server with the server's.
 */
public final class DtlsSrtpKeys {
    private final SrtpProfile profile;
    private final SrtpMasterKey local;
    private final SrtpMasterKey remote;

    private DtlsSrtpKeys(SrtpProfile profile, SrtpMasterKey local, SrtpMasterKey remote) {
        this.profile = profile;
        this.local = local;
        this.remote = remote;
    }

    /**
     * @param material the exported keying material, exactly {@link SrtpProfile#exportedKeyingMaterialLength()} bytes
     * @param weAreDtlsClient true if this endpoint was the DTLS client (RFC 5763: setup:active)
     */
    public static DtlsSrtpKeys split(byte[] material, SrtpProfile profile, boolean weAreDtlsClient) {
        if (material.length != profile.exportedKeyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.exportedKeyingMaterialLength()
                    + " bytes of keying material, got " + material.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        SrtpMasterKey client = new SrtpMasterKey(clientKey, clientSalt);
        SrtpMasterKey server = new SrtpMasterKey(serverKey, serverSalt);
        for (byte[] b : new byte[][] {clientKey, serverKey, clientSalt, serverSalt}) {
            Arrays.fill(b, (byte) 0);
        }
        return weAreDtlsClient ? new DtlsSrtpKeys(profile, client, server) : new DtlsSrtpKeys(profile, server, client);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** The master key and salt for what this endpoint sends. */
    public SrtpMasterKey local() {
        return local;
    }

    /** The master key and salt for what the peer sends. */
    public SrtpMasterKey remote() {
        return remote;
    }

    /** A session protecting with {@link #local()} and unprotecting with {@link #remote()}. */
    public SrtpSession newSession() {
        return new SrtpSession(profile, local, remote);
    }

    @Override
    public String toString() {
        return "DtlsSrtpKeys[" + profile + ", redacted]";
    }
}
