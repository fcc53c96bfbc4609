package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpProfile;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * The DTLS server ({@code setup:passive}): accepts DTLS 1.2, picks the SRTP profile by our
 * preference among the client's (RFC 5764 §4.1.1; Chromium offers [1, 8, 7]), and requests the
 * client's certificate, which WebRTC requires for mutual authentication (RFC 8827 §6.5).
 */
final class WebRtcDtlsServer extends DefaultTlsServer {
    private final JcaTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final RemoteFingerprintVerifier verifier;
    private final DtlsSettings settings;
    private final DtlsPeerEvents events;
    private volatile SrtpProfile selectedProfile;
    private volatile SrtpKeyingMaterial srtpKeys;

    WebRtcDtlsServer(JcaTlsCrypto crypto, DtlsCertificate certificate, RemoteFingerprintVerifier verifier,
            DtlsSettings settings, DtlsPeerEvents events) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.verifier = verifier;
        this.settings = settings;
        this.events = events;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return WebRtcDtlsPolicy.VERSIONS;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return WebRtcDtlsPolicy.serverCipherSuites(crypto, certificate);
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return certificate.keyType() == DtlsCertificate.KeyType.ECDSA_P256 ? signer() : null;
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return certificate.keyType() == DtlsCertificate.KeyType.RSA_2048 ? signer() : null;
    }

    private TlsCredentialedSigner signer() throws IOException {
        return WebRtcDtlsPolicy.signer(context, crypto, certificate,
                context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    /** Without a CertificateRequest the client (Chromium too) sends no certificate to check. */
    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        verifier.verify(clientCertificate);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offer = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offer == null) {
            return;
        }
        selectedProfile = WebRtcDtlsPolicy.chooseSrtpProfile(offer.getProtectionProfiles()).orElse(null);
        // No common profile: RFC 5764 §4.1.3 says answer without use_srtp and let the client decide.
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        if (selectedProfile != null) {
            TlsSRTPUtils.addUseSRTPExtension(extensions,
                    new UseSRTPData(new int[] {selectedProfile.id()}, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    /** Required: DTLS-SRTP keys may only be exported from an extended master secret (RFC 7627). */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) settings.handshakeTimeout().toMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return (int) settings.initialRetransmit().toMillis();
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        events.alertRaised(level, description, message);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        events.alertReceived(level, description);
    }

    /** Past the fingerprint check and both Finished messages: only now may keys be derived. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        srtpKeys = WebRtcDtlsPolicy.exportSrtpKeys(context, selectedProfile);
    }

    /** The SRTP keys after a complete handshake with use_srtp, else null. */
    SrtpKeyingMaterial srtpKeys() {
        return srtpKeys;
    }

    TlsContext context() {
        return context;
    }
}
