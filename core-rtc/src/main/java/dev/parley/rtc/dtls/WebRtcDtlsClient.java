package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpProfile;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * The DTLS client ({@code setup:active}): offers DTLS 1.2, {@code use_srtp} with our profiles
 * (RFC 5764 §4.1.1), presents our certificate when asked, and pins the server's certificate to
 * the signalled fingerprint.
 */
final class WebRtcDtlsClient extends DefaultTlsClient {
    private final JcaTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final RemoteFingerprintVerifier verifier;
    private final DtlsSettings settings;
    private final DtlsPeerEvents events;
    private volatile SrtpProfile selectedProfile;
    private volatile SrtpKeyingMaterial srtpKeys;

    WebRtcDtlsClient(JcaTlsCrypto crypto, DtlsCertificate certificate, RemoteFingerprintVerifier verifier,
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
        return WebRtcDtlsPolicy.clientCipherSuites(crypto);
    }

    @Override
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        // RFC 5764 §4.1.1; no MKI (WebRTC never uses one).
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(WebRtcDtlsPolicy.preferredSrtpIds(), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            return; // no SRTP: fine for a data-channel-only session
        }
        // RFC 5764 §4.1.1: exactly one profile, one we offered, and no MKI we did not send.
        int[] profiles = answer.getProtectionProfiles();
        if (profiles.length != 1 || WebRtcDtlsPolicy.ourSrtpProfile(profiles[0]).isEmpty() || answer.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server's use_srtp selects no profile we offered");
        }
        selectedProfile = WebRtcDtlsPolicy.ourSrtpProfile(profiles[0]).get();
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                verifier.verify(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return WebRtcDtlsPolicy.signer(context, crypto, certificate, request.getSupportedSignatureAlgorithms());
            }
        };
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
