package io.p2c2r.common.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM files as certbot and openssl write them: certificates (a chain, leaf first) and an unencrypted
 * PKCS#8 private key ({@code BEGIN PRIVATE KEY}), RSA or EC, with the JDK alone. Every failure is a
 * {@link TlsException} naming the file and what to do. Stateless and thread-safe.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private Pem() {}

    /** Every certificate in {@code file}, in file order (for a chain: the leaf, then its issuers). */
    public static List<X509Certificate> certificates(Path file) {
        String text = read(file);
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(text)) {
                if (b.type().equals("CERTIFICATE")) {
                    out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new TlsException(file + " holds a certificate that cannot be read (" + e.getMessage()
                    + "); it must be PEM, as certbot's fullchain.pem");
        }
        if (out.isEmpty()) {
            throw new TlsException(file + " holds no '-----BEGIN CERTIFICATE-----' block; give a PEM certificate file");
        }
        return out;
    }

    /** The one private key in {@code file}: unencrypted PKCS#8, RSA or EC. */
    public static PrivateKey privateKey(Path file) {
        String text = read(file);
        for (Block b : blocks(text)) {
            switch (b.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, b.der());
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new TlsException(file + " holds a '" + b.type()
                        + "' (the traditional format); convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in "
                        + file + " -out key.pem");
                case "ENCRYPTED PRIVATE KEY" -> throw new TlsException(file + " holds an encrypted key; decrypt it with: "
                        + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem, or use --tls-keystore with a password");
                default -> {
                    // a certificate or parameters next to the key: skip
                }
            }
        }
        throw new TlsException(file + " holds no '-----BEGIN PRIVATE KEY-----' block; give the PKCS#8 key (certbot's privkey.pem)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm; try the next
            }
        }
        throw new TlsException(file + " holds a private key of a kind this JVM cannot read; use an RSA or EC key");
    }

    /** One PEM block: its label and its decoded bytes. */
    record Block(String type, byte[] der) {
    }

    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    /** Writes {@code der} as one PEM block of {@code type}, 64 characters a line. */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1); // PEM is ASCII; other bytes are in comments
        } catch (IOException e) {
            throw new TlsException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
