package io.p2c2r.coordinator;

import java.nio.file.Path;

/**
 * Where the coordinator's TLS identity lives: PEM files as certbot writes them ({@code certChain}, leaf first,
 * and a PKCS#8 {@code privateKey}), or a PKCS#12 {@code keystore} with its password. Exactly one of the two
 * forms. Immutable.
 */
public record TlsSettings(Path certChain, Path privateKey, Path keystore, char[] keystorePassword) {
    public TlsSettings {
        boolean pem = certChain != null || privateKey != null;
        if (pem && keystore != null) {
            throw new IllegalArgumentException("give either --tls-cert and --tls-key, or --tls-keystore, not both");
        }
        if (pem && (certChain == null || privateKey == null)) {
            throw new IllegalArgumentException(certChain == null ? "--tls-key needs --tls-cert (the certificate chain, PEM)"
                    : "--tls-cert needs --tls-key (the private key, PEM)");
        }
        if (!pem && keystore == null) {
            throw new IllegalArgumentException("TLS needs --tls-cert and --tls-key, or --tls-keystore");
        }
        keystorePassword = keystorePassword == null ? new char[0] : keystorePassword.clone();
    }

    public static TlsSettings pem(Path certChain, Path privateKey) {
        return new TlsSettings(certChain, privateKey, null, null);
    }

    public static TlsSettings keystore(Path file, char[] password) {
        return new TlsSettings(null, null, file, password);
    }

    /** The files whose change means a renewed certificate. */
    public java.util.List<Path> files() {
        return keystore != null ? java.util.List.of(keystore) : java.util.List.of(certChain, privateKey);
    }

    @Override
    public char[] keystorePassword() {
        return keystorePassword.clone();
    }

    @Override
    public String toString() {
        return keystore != null ? "keystore " + keystore : "certificate " + certChain + ", key " + privateKey;
    }
}
