package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.P2c2rException;
import io.p2c2r.common.identity.IdentityStore;
import io.p2c2r.common.task.TaskType;
import io.p2c2r.client.P2c2rClient;
import io.p2c2r.client.TaskReply;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.Coordinator;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.TlsSettings;
import io.p2c2r.peer.PeerNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS end to end, with certificates the test makes: wss:// only, checked certificates and names, through a tunnel. */
class TlsTest {
    static TestCertificates certs;

    @TempDir
    static Path certDir;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.make(certDir);
    }

    private TestNetwork network(TlsSettings tls) {
        return new TestNetwork(dir, c -> c.tls(tls));
    }

    private P2c2rClient gamer(String url, String id, Path ca) throws Exception {
        return P2c2rClient.connect(new P2c2rClient.Options(URI.create(url), id, new IdentityStore(dir.resolve("g-" + id)),
                Duration.ofSeconds(10), ca)).get(30, TimeUnit.SECONDS);
    }

    /** The one-line reason a gamer cannot connect. */
    private String refusal(String url, Path ca) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> gamer(url, "gamer_refused", ca));
        assertTrue(e.getCause() instanceof P2c2rException, String.valueOf(e.getCause()));
        String message = e.getCause().getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains("Exception"), "no exception names: " + message);
        return message;
    }

    /** A peer and a gamer connect to {@code url} trusting {@code ca}, and a task goes from one to the other. */
    private void assertServes(String url, Path ca, String name) throws Exception {
        try (PeerNode peer = peer(url, "peer_" + name, ca, new StringWriter()); P2c2rClient gamer = gamer(url, "gamer_" + name, ca)) {
            peer.registered().get(30, TimeUnit.SECONDS);
            TaskReply r = gamer.submit(TaskType.AI_PATHFINDING, TaskType.AI_PATHFINDING.seedData()).get(30, TimeUnit.SECONDS);
            assertTrue(r.ok(), r.result().error());
            assertEquals("peer_" + name, r.result().peerId());
        }
    }

    private PeerNode peer(String url, String id, Path ca, StringWriter out) {
        return PeerNode.start(new PeerNode.Config(URI.create(url), id, new IdentityStore(dir.resolve("p-" + id)), 1,
                Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMillis(500), Map.of(), null, ca), new PrintWriter(out, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "RSA"})
    void aPemChainAndKey_serveWss_toAPeerAndAGamerThatTrustThePrivateCa(String alg) throws Exception {
        try (TestNetwork net = network(TlsSettings.pem(certs.chain(alg), certs.key(alg)))) {
            assertServes("wss://localhost:" + net.port() + "/", certs.caPem, "tls_" + alg);
            // With TLS on there is no plain ws:// on the port.
            assertTrue(refusal("ws://localhost:" + net.port() + "/", null).startsWith("cannot connect to ws://localhost:"));
        }
    }

    @Test
    void tlsWorks_throughAPlainTcpForward_asWithNgrok() throws Exception {
        try (TestNetwork net = network(TlsSettings.pem(certs.chain("EC"), certs.key("EC")));
             TcpForwarder tunnel = new TcpForwarder(net.port())) {
            assertServes("wss://localhost:" + tunnel.port() + "/", certs.caPem, "tunnel_tls");
        }
    }

    @Test
    void aNameTheCertificateDoesNotList_isRefused_withOneLineSayingWhatToDo() throws Exception {
        try (TestNetwork net = network(TlsSettings.pem(certs.chain("EC"), certs.key("EC")))) {
            // The certificate names localhost only; 127.0.0.1 is the same machine but not that name.
            String message = refusal("wss://127.0.0.1:" + net.port() + "/", certs.caPem);
            assertTrue(message.contains("the coordinator's TLS certificate is not for '127.0.0.1'"), message);
            assertTrue(message.contains("connect with a host name the certificate lists"), message);
            StringWriter out = new StringWriter();
            try (PeerNode peer = peer("wss://127.0.0.1:" + net.port() + "/", "peer_wrong_name", certs.caPem, out)) {
                assertThrows(ExecutionException.class, () -> peer.registered().get(30, TimeUnit.SECONDS));
                assertTrue(peer.awaitStopped(30, TimeUnit.SECONDS), "a peer stops on a certificate for another name");
                assertTrue(peer.refused());
                assertTrue(out.toString().contains("is not for '127.0.0.1'"), out.toString());
            }
        }
    }

    @Test
    void aChainNotSignedByATrustedAuthority_isRefused_sayingToPassTlsCa() throws Exception {
        try (TestNetwork net = network(TlsSettings.pem(certs.chain("RSA"), certs.key("RSA")))) {
            String message = refusal("wss://localhost:" + net.port() + "/", null);
            assertTrue(message.contains("not signed by an authority this machine trusts"), message);
            assertTrue(message.contains("pass --tls-ca"), message);
            // Trusting the wrong certificate is the same refusal.
            assertTrue(refusal("wss://localhost:" + net.port() + "/", certs.selfSignedPem).contains("--tls-ca"));
        }
    }

    @Test
    void aPkcs12Keystore_withASelfSignedCertificate_isTrustedThroughTlsCa() throws Exception {
        TlsSettings p12 = TlsSettings.keystore(certs.selfSignedP12, TestCertificates.PASSWORD.toCharArray());
        try (TestNetwork net = network(p12)) {
            assertServes("wss://localhost:" + net.port() + "/", certs.selfSignedPem, "p12");
        }
    }

    @Test
    void aTlsClient_toAPlainCoordinator_isToldItDoesNotSpeakTls() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            String message = refusal("wss://localhost:" + net.port() + "/", certs.caPem);
            assertTrue(message.contains("did not answer a TLS handshake; it may not speak TLS on this port: try without --tls"),
                    message);
        }
    }

    @Test
    void aKeyThatIsNotTheCertificates_orAWrongKeystorePassword_stopsTheStartWithAClearMessage() {
        CoordinatorConfig mismatched = CoordinatorConfig.builder().listen("127.0.0.1", 0).database(dir.resolve("a.db"))
                .tls(TlsSettings.pem(certs.chain("EC"), certs.key("RSA"))).build();
        RuntimeException e = assertThrows(RuntimeException.class, () -> Coordinator.start(mismatched, Console.silent()));
        assertTrue(e.getMessage().contains("is not the key of the first certificate in"), e.getMessage());
        CoordinatorConfig wrongPassword = CoordinatorConfig.builder().listen("127.0.0.1", 0).database(dir.resolve("b.db"))
                .tls(TlsSettings.keystore(certs.selfSignedP12, "nope".toCharArray())).build();
        RuntimeException p = assertThrows(RuntimeException.class, () -> Coordinator.start(wrongPassword, Console.silent()));
        assertTrue(p.getMessage().contains("wrong --tls-keystore-password"), p.getMessage());
    }
}
