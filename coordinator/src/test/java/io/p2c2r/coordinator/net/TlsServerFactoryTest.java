package io.p2c2r.coordinator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.TlsSettings;
import io.p2c2r.coordinator.it.TestCertificates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renewed certificate files are picked up without a restart; a broken renewal keeps the old certificate. */
class TlsServerFactoryTest {
    @TempDir
    Path dir;

    private static void replace(Path from, Path to, int secondsLater) throws Exception {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(to, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    @Test
    void changedFiles_areLoadedForNewConnections_andABrokenRenewalKeepsTheOldCertificate() throws Exception {
        TestCertificates certs = TestCertificates.make(dir.resolve("certs"));
        Path chain = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        replace(certs.chain("EC"), chain, 0);
        replace(certs.key("EC"), key, 0);
        StringWriter log = new StringWriter();
        TlsServerFactory factory = TlsServerFactory.load(TlsSettings.pem(chain, key),
                new Console(new PrintWriter(log, true), Console.Level.INFO));
        try {
            assertEquals("EC", factory.certificate().getPublicKey().getAlgorithm());
            factory.reloadIfChanged();
            assertEquals("", log.toString(), "nothing changed, nothing loaded");
            replace(certs.chain("RSA"), chain, 10);
            replace(certs.key("RSA"), key, 10);
            factory.reloadIfChanged();
            assertEquals("RSA", factory.certificate().getPublicKey().getAlgorithm());
            assertTrue(log.toString().contains("TLS: loaded the renewed certificate"), log.toString());
            // Half a renewal: the new chain with the old key. The RSA certificate keeps serving.
            replace(certs.chain("EC"), chain, 20);
            factory.reloadIfChanged();
            assertEquals("RSA", factory.certificate().getPublicKey().getAlgorithm());
            assertTrue(log.toString().contains("could not be loaded, keeping the old one"), log.toString());
            replace(certs.key("EC"), key, 30);
            factory.reloadIfChanged();
            assertEquals("EC", factory.certificate().getPublicKey().getAlgorithm(), "the completed renewal is taken");
        } finally {
            factory.close();
        }
    }
}
