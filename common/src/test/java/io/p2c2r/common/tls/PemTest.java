package io.p2c2r.common.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
    @TempDir
    Path dir;

    @Test
    void pkcs8Keys_rsaAndEc_readBack_evenWithOtherBlocksAndTextAround() throws Exception {
        for (String alg : new String[] {"RSA", "EC"}) {
            PrivateKey key = KeyPairGenerator.getInstance(alg).generateKeyPair().getPrivate();
            Path file = dir.resolve(alg + ".pem");
            Files.writeString(file, "Bag Attributes: ignored\n" + Pem.encode("EC PARAMETERS", new byte[] {6, 1, 0})
                    + Pem.encode("PRIVATE KEY", key.getEncoded()));
            PrivateKey read = Pem.privateKey(file);
            assertTrue(read.getAlgorithm().equals(alg), read.getAlgorithm());
            assertArrayEquals(key.getEncoded(), read.getEncoded());
        }
    }

    @Test
    void traditionalOrEncryptedKeys_areRefused_withTheCommandThatConvertsThem() throws Exception {
        Path rsa = dir.resolve("rsa.pem");
        Files.writeString(rsa, Pem.encode("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        TlsException e = assertThrows(TlsException.class, () -> Pem.privateKey(rsa));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt -in " + rsa), e.getMessage());
        Path encrypted = dir.resolve("enc.pem");
        Files.writeString(encrypted, Pem.encode("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));
        assertTrue(assertThrows(TlsException.class, () -> Pem.privateKey(encrypted)).getMessage().contains("encrypted"));
    }

    @Test
    void aFileWithoutTheBlock_saysWhichBlockIsMissing() throws Exception {
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "nothing here\n");
        assertTrue(assertThrows(TlsException.class, () -> Pem.certificates(empty)).getMessage()
                .contains("no '-----BEGIN CERTIFICATE-----' block"));
        assertTrue(assertThrows(TlsException.class, () -> Pem.privateKey(empty)).getMessage()
                .contains("no '-----BEGIN PRIVATE KEY-----' block"));
        assertTrue(assertThrows(TlsException.class, () -> Pem.privateKey(dir.resolve("missing.pem"))).getMessage()
                .startsWith("cannot read "));
    }
}
