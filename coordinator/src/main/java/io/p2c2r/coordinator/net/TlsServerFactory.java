package io.p2c2r.coordinator.net;

import io.p2c2r.common.tls.Pem;
import io.p2c2r.common.tls.TlsException;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.java_websocket.SSLSocketChannel2;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;

/**
 * Wraps each accepted channel in TLS (1.2 or 1.3) with the coordinator's certificate, so that it serves
 * {@code wss://} only. The certificate files are checked for changes every minute; a renewed certificate
 * (certbot's renewal replaces them) is loaded and used for new connections, without a restart, while open
 * connections keep theirs. A renewal that cannot be loaded is logged and the old certificate kept. Owns two
 * threads: {@code p2c2r-tls} (the engines' delegated tasks) and {@code p2c2r-tls-reload}. Thread-safe.
 */
public final class TlsServerFactory extends DefaultSSLWebSocketServerFactory {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final TlsSettings settings;
    private final Console console;
    private final ScheduledExecutorService reloader;
    private volatile SSLContext context;
    private volatile X509Certificate certificate;
    private volatile List<FileTime> loadedVersions;

    private TlsServerFactory(TlsSettings settings, Console console, Loaded loaded, ExecutorService tasks) {
        super(loaded.context(), tasks);
        this.settings = settings;
        this.console = console;
        this.context = loaded.context();
        this.certificate = loaded.certificate();
        this.loadedVersions = versions(settings);
        this.reloader = Executors.newSingleThreadScheduledExecutor(daemon("p2c2r-tls-reload"));
        reloader.scheduleWithFixedDelay(this::reloadIfChanged, 60, 60, TimeUnit.SECONDS);
    }

    /** Loads the certificate and key now, so that a bad file stops the start with a clear message. */
    public static TlsServerFactory load(TlsSettings settings, Console console) {
        return new TlsServerFactory(settings, console, load(settings), Executors.newSingleThreadExecutor(daemon("p2c2r-tls")));
    }

    /** The first certificate of the chain new connections get. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        List<String> enabled = new ArrayList<>(PROTOCOLS);
        enabled.retainAll(Arrays.asList(engine.getSupportedProtocols()));
        engine.setEnabledProtocols(enabled.toArray(new String[0]));
        return new SSLSocketChannel2(channel, engine, exec, key);
    }

    /** Loads the files again if any changed since the last load; runs on the reload thread every minute. */
    void reloadIfChanged() {
        List<FileTime> now = versions(settings);
        if (now.equals(loadedVersions)) {
            return;
        }
        try {
            Loaded loaded = load(settings);
            context = loaded.context();
            certificate = loaded.certificate();
            loadedVersions = now;
            console.info(" TLS: loaded the renewed certificate from " + settings + " (expires "
                    + certificate.getNotAfter().toInstant() + ")");
        } catch (TlsException | IllegalArgumentException e) {
            // Maybe caught half-written; the next check tries again. Until then the old certificate serves.
            console.error("TLS: the changed certificate could not be loaded, keeping the old one: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        super.close();
    }

    private record Loaded(SSLContext context, X509Certificate certificate) {
    }

    private static Loaded load(TlsSettings settings) {
        try {
            KeyStore store = keyStore(settings);
            char[] password = settings.keystore() != null ? settings.keystorePassword() : new char[0];
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return new Loaded(context, (X509Certificate) store.getCertificateChain("coordinator")[0]);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("cannot use " + settings + " for TLS: " + e.getMessage());
        }
    }

    /** The identity as a key store with one entry, {@code coordinator}, whatever form it was given in. */
    private static KeyStore keyStore(TlsSettings settings) throws GeneralSecurityException, IOException {
        if (settings.keystore() != null) {
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(settings.keystore())) {
                loaded.load(in, settings.keystorePassword());
            } catch (IOException e) {
                throw new TlsException("cannot open the keystore " + settings.keystore() + ": " + e.getMessage()
                        + " (a wrong --tls-keystore-password gives this too)");
            }
            String alias = null;
            for (String a : java.util.Collections.list(loaded.aliases())) {
                if (loaded.isKeyEntry(a)) {
                    if (alias != null) {
                        throw new TlsException("the keystore " + settings.keystore() + " holds more than one key; keep one");
                    }
                    alias = a;
                }
            }
            if (alias == null) {
                throw new TlsException("the keystore " + settings.keystore() + " holds no private key");
            }
            KeyStore one = KeyStore.getInstance("PKCS12");
            one.load(null, null);
            one.setKeyEntry("coordinator", loaded.getKey(alias, settings.keystorePassword()), settings.keystorePassword(),
                    loaded.getCertificateChain(alias));
            return one;
        }
        List<X509Certificate> chain = Pem.certificates(settings.certChain());
        PrivateKey key = Pem.privateKey(settings.privateKey());
        requireMatch(key, chain.get(0), settings);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("coordinator", key, new char[0], chain.toArray(new X509Certificate[0]));
        return store;
    }

    /** A key that is not the certificate's would fail every handshake obscurely; say so at start instead. */
    private static void requireMatch(PrivateKey key, X509Certificate cert, TlsSettings settings) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "p2c2r key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature sign = Signature.getInstance(algorithm);
        sign.initSign(key);
        sign.update(probe);
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance(algorithm);
        try {
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            if (verify.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another kind than the certificate's: the same mismatch
        }
        throw new TlsException(settings.privateKey() + " is not the key of the first certificate in " + settings.certChain()
                + " (" + cert.getSubjectX500Principal().getName() + "); give the matching privkey.pem");
    }

    private static List<FileTime> versions(TlsSettings settings) {
        List<FileTime> out = new ArrayList<>();
        for (Path p : settings.files()) {
            try {
                out.add(Files.getLastModifiedTime(p));
            } catch (IOException e) {
                out.add(FileTime.fromMillis(0)); // missing for a moment during a renewal: counts as changed
            }
        }
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
