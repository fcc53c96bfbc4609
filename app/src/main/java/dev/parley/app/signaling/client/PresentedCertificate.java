package dev.parley.app.signaling.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate a {@code wss://} server presents, fetched so that a person can decide whether
 * to trust it. The probe starts a TLS handshake whose trust manager only records the server's
 * chain and then refuses it, so the handshake never completes and nothing is ever sent over the
 * connection: what it learns is shown to a person, never used to trust anything by itself.
 *
 * @param host the server's host, as in its address
 * @param port the port the certificate came from
 * @param certificate the server's own (leaf) certificate
 * @param sha256 its SHA-256 fingerprint in colon form, as {@link ServerTrust#fingerprint} and
 *        {@code openssl x509 -fingerprint -sha256} print it
 */
public record PresentedCertificate(String host, int port, X509Certificate certificate, String sha256) {

    public PresentedCertificate {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Fetches the certificate the server at {@code server} presents.
     *
     * @param deadline how long the whole probe may take; then its socket is closed
     * @param watchdog closes the socket at the deadline (a slow server cannot stretch the probe)
     * @throws IOException the server could not be reached, does not speak TLS, presented no
     *         certificate, or did not answer within the deadline
     */
    public static PresentedCertificate fetch(URI server, Duration deadline, ScheduledExecutorService watchdog)
            throws IOException {
        if (!"wss".equals(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("only a wss:// address with a host has a certificate: " + server);
        }
        String host = server.getHost();
        int port = server.getPort() == -1 ? 443 : server.getPort();
        AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
        long millis = Math.max(1, deadline.toMillis());
        Socket plain = new Socket();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> closeQuietly(plain), millis, TimeUnit.MILLISECONDS);
        try (plain) {
            plain.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, millis));
            plain.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
            try (SSLSocket tls = (SSLSocket) recordingContext(seen).getSocketFactory()
                    .createSocket(plain, host, port, true)) {
                tls.startHandshake();
            } catch (SSLException expected) {
                // Our own trust manager ends every handshake once it has seen the chain.
                if (seen.get() == null) {
                    throw expected;
                }
            }
        } catch (IOException e) {
            throw new IOException("no certificate from " + host + ":" + port + " within " + millis + " ms: " + e, e);
        } finally {
            alarm.cancel(false);
        }
        X509Certificate leaf = seen.get()[0];
        try {
            return new PresentedCertificate(host, port, leaf, ServerTrust.fingerprint(leaf));
        } catch (CertificateEncodingException e) {
            throw new IOException(host + ":" + port + " presented a certificate that cannot be encoded", e);
        }
    }

    private static SSLContext recordingContext(AtomicReference<X509Certificate[]> seen) throws IOException {
        X509TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("this trust manager judges servers only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain != null && chain.length > 0) {
                    seen.set(chain.clone());
                }
                throw new CertificateException("recorded only: a probe trusts nothing");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS in this JDK: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing at the deadline: the probe reports the timeout
        }
    }
}
