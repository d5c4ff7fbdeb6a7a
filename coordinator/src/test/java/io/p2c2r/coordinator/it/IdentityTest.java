package io.p2c2r.coordinator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.PeerTaskResult;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.Registered;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity: tokens are required once an id exists, and a peer may answer only the tasks it holds. */
class IdentityTest {
    @TempDir
    Path dir;

    @Test
    void wrongToken_isRefused_andTheConnectionClosed() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.gamer("gamer_owned");
            RawClient thief = net.raw();
            thief.send(Codec.encode(new RegisterGamer("gamer_owned", "not-the-right-token-at-all")));
            ErrorMessage e = thief.await(ErrorMessage.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.AUTH_FAILED, e.code());
            assertTrue(e.message().contains("wrong token"), e.message());
            assertEquals(1008, thief.closeCode.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void wrongTokensInARow_areThrottled_evenTheRightOneIsRefusedWhileBlocked_andAcceptedAfter() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient owner = net.raw();
            owner.send(Codec.encode(new RegisterGamer("gamer_guarded", null)));
            String token = owner.await(Registered.class, TestNetwork.WAIT).token();
            for (int i = 0; i < 6; i++) {
                RawClient guess = net.raw();
                guess.send(Codec.encode(new RegisterGamer("gamer_guarded", "guess-number-" + i + "-of-many")));
                assertTrue(guess.await(ErrorMessage.class, TestNetwork.WAIT).message().contains("wrong token"));
            }
            net.awaitLog("Registration throttled: gamer id 'gamer_guarded' failed 6 times; refused for 1 s");
            RawClient blocked = net.raw();
            blocked.send(Codec.encode(new RegisterGamer("gamer_guarded", token)));
            ErrorMessage e = blocked.await(ErrorMessage.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.RATE_LIMITED, e.code(), "not auth_failed: the token was not checked");
            assertTrue(e.message().startsWith("too many failed registrations for gamer id 'gamer_guarded'; try again in"),
                    e.message());
            assertEquals(1008, blocked.closeCode.get(10, TimeUnit.SECONDS));
            // The block is one second: the owner's token works once it has passed.
            Registered back = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (back == null && System.nanoTime() < end) {
                RawClient again = net.raw();
                again.send(Codec.encode(new RegisterGamer("gamer_guarded", token)));
                String reply = again.awaitAny(TestNetwork.WAIT);
                back = reply.contains("\"registered\"") ? Codec.decodeServer(reply) instanceof Registered r ? r : null : null;
                if (back == null) {
                    again.closeCode.get(10, TimeUnit.SECONDS); // refused while blocked; the close paces the retries
                }
            }
            assertNotNull(back, "the right token is accepted after the block");
        }
    }

    @Test
    void existingId_withoutToken_isRefused() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            net.gamer("gamer_owned");
            RawClient other = net.raw();
            other.send(Codec.encode(new RegisterGamer("gamer_owned", null)));
            ErrorMessage e = other.await(ErrorMessage.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.AUTH_FAILED, e.code());
            assertTrue(e.message().contains("already registered"), e.message());
        }
    }

    @Test
    void rightToken_isAccepted_andTheSameTokenReturned() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient first = net.raw();
            first.send(Codec.encode(new RegisterGamer("gamer_new", null)));
            Registered r = first.await(Registered.class, TestNetwork.WAIT);
            assertNotNull(r.token());
            RawClient second = net.raw();
            second.send(Codec.encode(new RegisterGamer("gamer_new", r.token())));
            assertEquals(r.token(), second.await(Registered.class, TestNetwork.WAIT).token());
        }
    }

    @Test
    void peerAnsweringATaskItDoesNotHold_isRefused() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient peer = net.rawPeer("peer_liar", 1);
            peer.send(Codec.encode(PeerTaskResult.completed("task_invented_1", Codec.raw("{\"path\":[]}"), 3.0)));
            ErrorMessage e = peer.await(ErrorMessage.class, TestNetwork.WAIT);
            assertEquals(ErrorCodes.TASK_NOT_HELD, e.code());
            assertEquals("task_invented_1", e.taskId());
            net.coordinator().flush().get(10, TimeUnit.SECONDS);
            assertEquals(0, net.queryLong("SELECT COUNT(*) FROM ledger"));
        }
    }

    @Test
    void gamerSendingAResult_isRefused_asTheWrongRole() throws Exception {
        try (TestNetwork net = new TestNetwork(dir)) {
            RawClient gamer = net.raw();
            gamer.send(Codec.encode(new RegisterGamer("gamer_sly", null)));
            gamer.await(Registered.class, TestNetwork.WAIT);
            gamer.send(Codec.encode(PeerTaskResult.completed("task_x", Codec.raw("{}"), 1.0)));
            assertEquals(ErrorCodes.WRONG_ROLE, gamer.await(ErrorMessage.class, TestNetwork.WAIT).code());
        }
    }
}
