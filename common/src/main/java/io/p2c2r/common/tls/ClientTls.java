package io.p2c2r.common.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a peer or gamer checks the coordinator's certificate: against the system's trust store, or, with
 * {@code --tls-ca}, against only the certificates in a PEM file (a private CA, or a self-signed
 * coordinator certificate). Host names are always verified (the WebSocket client turns that on). Also turns
 * the JDK's handshake failures into one line that says what to do. Stateless and thread-safe.
 */
public final class ClientTls {
    private ClientTls() {}

    /** Sockets that trust the system's authorities ({@code caPem} null) or only those in {@code caPem}. */
    public static SSLSocketFactory socketFactory(Path caPem) {
        if (caPem == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        List<X509Certificate> trusted = Pem.certificates(caPem);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                store.setCertificateEntry("ca-" + i, trusted.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsException("cannot trust the certificates in " + caPem + ": " + e.getMessage());
        }
    }

    /** Why a connection failed, in one line that says what to do; {@code permanent} if retrying cannot help. */
    public record Problem(String message, boolean permanent) {
    }

    /**
     * After a WebSocket connection to {@code uri} failed to open: whether TLS is why, found by a TLS handshake
     * of its own (the WebSocket client's threads report handshake failures in no fixed order, so its
     * exceptions cannot be relied on). For {@code wss://} it makes the handshake as the client does, with
     * {@code factory} and host name checks; for {@code ws://} it tries one to see whether the port speaks TLS.
     * Null if TLS is not the problem (or the coordinator cannot be reached at all).
     */
    public static Problem diagnose(URI uri, SSLSocketFactory factory, int timeoutMillis) {
        boolean tls = "wss".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        SSLSocketFactory sockets = tls ? factory : (SSLSocketFactory) SSLSocketFactory.getDefault();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            try (SSLSocket s = (SSLSocket) sockets.createSocket(plain, uri.getHost(), port, false)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.startHandshake();
                return tls ? null : SPEAKS_TLS;
            }
        } catch (SocketTimeoutException e) {
            return tls ? NO_TLS_ANSWER : null;
        } catch (IOException e) {
            if (tls && e instanceof SSLHandshakeException && e.getCause() instanceof java.io.EOFException) {
                return NO_TLS_ANSWER; // closed on us mid-handshake: a plain server's handshake timeout
            }
            if (!tls) {
                Problem p = explain(e, uri.getHost(), true);
                // A certificate the probe cannot check still proves that the port speaks TLS.
                return p != null && p.permanent() && !p.message().contains("does not speak TLS") ? SPEAKS_TLS : null;
            }
            return explain(e, uri.getHost(), true);
        }
    }

    private static final Problem NO_TLS_ANSWER = new Problem("the coordinator did not answer a TLS handshake; it may "
            + "not speak TLS on this port: try without --tls (ws://)", false);
    private static final Problem SPEAKS_TLS = new Problem("the coordinator speaks TLS on this port; connect with --tls "
            + "(wss://)", true);

    /**
     * The TLS reason in {@code failure} for a connection to {@code host}, or null if TLS is not why.
     * {@code tls}: whether the client asked for TLS.
     */
    static Problem explain(Throwable failure, String host, boolean tls) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return new Problem("the coordinator's TLS certificate is not valid now (" + m + "); its operator must renew it", true);
            }
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return new Problem("the coordinator's TLS certificate is not for '" + host + "' (" + m + "); connect with a "
                        + "host name the certificate lists, or have it reissued for this name", true);
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || m.contains("unable to find valid certification path")) {
                return new Problem("the coordinator's TLS certificate is not signed by an authority this machine trusts; "
                        + "if it is self-signed or from a private CA, pass --tls-ca with that certificate or CA (PEM)", true);
            }
            if (tls && m.contains("Unsupported or unrecognized SSL message")) {
                return new Problem("the coordinator does not speak TLS on this port; connect without --tls (ws://), "
                        + "or to its TLS port", true);
            }
        }
        return failure instanceof SSLHandshakeException
                ? new Problem("the TLS handshake with the coordinator failed: " + failure.getMessage(), false) : null;
    }
}
