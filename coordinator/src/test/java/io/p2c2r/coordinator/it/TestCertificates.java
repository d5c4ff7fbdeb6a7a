package io.p2c2r.coordinator.it;

import io.p2c2r.common.tls.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates a test makes with the JDK's keytool, nothing from the network: a private CA, server
 * certificates it signed for {@code localhost} only (EC and RSA keys, as PEM chain plus PKCS#8 key, the way
 * certbot writes them), and a self-signed RSA certificate in a PKCS#12 keystore.
 */
public final class TestCertificates {
    public static final String PASSWORD = "test-store-pass";

    public final Path dir;
    public final Path caPem;
    public final Path selfSignedP12;
    public final Path selfSignedPem;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.caPem = dir.resolve("ca.pem");
        this.selfSignedP12 = dir.resolve("self.p12");
        this.selfSignedPem = dir.resolve("self.pem");
    }

    /** The CA-signed chain for {@code alg} (EC or RSA): leaf then CA, as fullchain.pem. */
    public Path chain(String alg) {
        return dir.resolve("fullchain-" + alg + ".pem");
    }

    /** The PKCS#8 key of {@link #chain}, as privkey.pem. */
    public Path key(String alg) {
        return dir.resolve("privkey-" + alg + ".pem");
    }

    public static TestCertificates make(Path dir) throws Exception {
        Files.createDirectories(dir);
        TestCertificates c = new TestCertificates(dir);
        Path ca = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=P2C2R Test CA",
                "-ext", "bc:c", "-validity", "3", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", c.caPem.toString());
        for (String alg : List.of("EC", "RSA")) {
            Path store = dir.resolve("server-" + alg + ".p12");
            Path csr = dir.resolve("server-" + alg + ".csr");
            Path leaf = dir.resolve("server-" + alg + ".pem");
            List<String> keyArgs = alg.equals("EC") ? List.of("-keyalg", "EC", "-groupname", "secp256r1")
                    : List.of("-keyalg", "RSA", "-keysize", "2048");
            List<String> gen = new ArrayList<>(List.of("-genkeypair", "-alias", "server", "-dname", "CN=localhost",
                    "-validity", "3", "-keystore", store.toString()));
            gen.addAll(keyArgs);
            keytool(gen.toArray(new String[0]));
            keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-file", csr.toString());
            keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(), "-outfile",
                    leaf.toString(), "-rfc", "-ext", "SAN=dns:localhost", "-validity", "2");
            Files.writeString(c.chain(alg), Files.readString(leaf) + Files.readString(c.caPem));
            Files.writeString(c.key(alg), Pem.encode("PRIVATE KEY", privateKey(store, "server").getEncoded()));
        }
        keytool("-genkeypair", "-alias", "self", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "3", "-keystore", c.selfSignedP12.toString());
        keytool("-exportcert", "-rfc", "-alias", "self", "-keystore", c.selfSignedP12.toString(), "-file", c.selfSignedPem.toString());
        return c;
    }

    private static PrivateKey privateKey(Path store, String alias) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return (PrivateKey) ks.getKey(alias, PASSWORD.toCharArray());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
