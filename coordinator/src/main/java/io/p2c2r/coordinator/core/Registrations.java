package io.p2c2r.coordinator.core;

import io.p2c2r.common.Version;
import io.p2c2r.common.money.Money;
import io.p2c2r.common.money.Rates;
import io.p2c2r.common.protocol.ErrorCodes;
import io.p2c2r.common.protocol.ErrorMessage;
import io.p2c2r.common.protocol.RegisterGamer;
import io.p2c2r.common.protocol.RegisterPeer;
import io.p2c2r.common.protocol.Registered;
import io.p2c2r.coordinator.Console;
import io.p2c2r.coordinator.CoordinatorConfig;
import io.p2c2r.coordinator.store.Store;
import io.p2c2r.coordinator.trust.TrustBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is connected: registration of peers and gamers under their identities, refusals, replaced and silent
 * peers, and closing everything at shutdown. Event loop only.
 */
final class Registrations {
    private final CoordinatorConfig config;
    private final Console console;
    private final Store store;
    private final Clock clock;
    private final Accounts accounts;
    private final TrustBook trust;
    private final Outbox outbox;
    private final Map<String, PeerState> peers;
    private final List<GamerState> gamers;
    private final Router router;
    private final AuthThrottle throttle;

    Registrations(CoordinatorConfig config, Console console, Store store, Clock clock, Accounts accounts, TrustBook trust,
                  Outbox outbox, Map<String, PeerState> peers, List<GamerState> gamers, Router router) {
        this.config = config;
        this.console = console;
        this.store = store;
        this.clock = clock;
        this.accounts = accounts;
        this.trust = trust;
        this.outbox = outbox;
        this.peers = peers;
        this.gamers = gamers;
        this.router = router;
        this.throttle = new AuthThrottle(clock, config.netLimits().limitLoopback());
    }

    void registerPeer(Session s, RegisterPeer m) {
        Accounts.Granted g = grant(s, Registered.PEER, m.peerId(), () -> accounts.peer(m.peerId(), m.token(), clock.millis()));
        if (g == null) {
            return;
        }
        PeerState previous = peers.remove(m.peerId());
        if (previous != null) {
            previous.session.channel.close(CloseReason.POLICY, "replaced by a new connection of the same peer");
            router.detach(previous, "peer " + m.peerId() + " reconnected");
        }
        PeerState p = new PeerState(s, g.account(), m.capabilities(), s.channel.remoteHost(), clock.nanoTime());
        s.peer = p;
        peers.put(m.peerId(), p);
        var caps = m.capabilities();
        long now = clock.millis();
        store.submit(t -> t.peers.seen(m.peerId(), caps.platform(), caps.cores(), caps.slots(), caps.softwareVersion(), now));
        s.channel.registered(Registered.PEER);
        outbox.send(s, registered(Registered.PEER, g, trust.levels(m.peerId(), caps.tasks().keySet())));
        console.info(" Peer connected: " + m.peerId() + " (" + s.channel.remote() + ") " + count(caps.slots(), "slot") + ", "
                + count(caps.tasks().size(), "task type") + (g.created() ? ", new" : ""));
        router.dispatch();
    }

    void registerGamer(Session s, RegisterGamer m) {
        Accounts.Granted g = grant(s, Registered.GAMER, m.gamerId(), () -> accounts.gamer(m.gamerId(), m.token(), clock.millis()));
        if (g == null) {
            return;
        }
        GamerState gs = new GamerState(s, g.account());
        s.gamer = gs;
        gamers.add(gs);
        long now = clock.millis();
        store.submit(t -> t.gamers.seen(m.gamerId(), now));
        s.channel.registered(Registered.GAMER);
        outbox.send(s, registered(Registered.GAMER, g, null));
        console.info(" Gamer connected: " + m.gamerId() + " (" + s.channel.remote() + ")");
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private interface Grant {
        Accounts.Granted get() throws Accounts.Refused;
    }

    /**
     * Checks the session may register, the {@link AuthThrottle}, and the identity's token; on refusal answers,
     * closes and returns null.
     */
    private Accounts.Granted grant(Session s, String role, String id, Grant grant) {
        if (s.registered()) {
            protocolError(s, ErrorCodes.ALREADY_REGISTERED, "this connection is already registered as " + s.describe(), null, null);
            return null;
        }
        String host = s.channel.remoteHost();
        String throttled = throttle.refusal(role, id, host);
        if (throttled != null) {
            console.debug(" Registration refused unchecked from " + s.channel.remote() + ": " + throttled);
            return refuse(s, ErrorCodes.RATE_LIMITED, throttled); // not auth_failed: no token was checked
        }
        try {
            Accounts.Granted g = grant.get();
            throttle.succeeded(role, id, host);
            return g;
        } catch (Accounts.Refused e) {
            String blocked = throttle.failed(role, id, host);
            console.warn(" Registration refused from " + s.channel.remote() + ": " + e.getMessage()
                    + (blocked != null ? "\n " + blocked : ""));
            return refuse(s, ErrorCodes.AUTH_FAILED, e.getMessage());
        }
    }

    private Accounts.Granted refuse(Session s, String code, String why) {
        outbox.send(s, ErrorMessage.of(code, why));
        s.channel.close(CloseReason.POLICY, "registration refused");
        return null;
    }

    private Registered registered(String role, Accounts.Granted g, Map<String, io.p2c2r.common.protocol.TrustLevel> levels) {
        Rates r = config.rates();
        AccountState a = g.account();
        boolean peer = Registered.PEER.equals(role);
        return new Registered(role, a.id, g.token(), r.peerPerHour().toUsdString(), r.gamerPerHour().toUsdString(),
                r.feePercent(), Version.get(), Money.ofNanos(a.totalNanos + a.pendingNanos).toUsdString(),
                peer ? Money.ofNanos(a.pendingNanos).toUsdString() : null,
                peer ? Money.ofNanos(a.totalNanos).toUsdString() : null, levels);
    }

    void protocolError(Session s, String code, String message, String requestId, String taskId) {
        s.protocolErrors++;
        console.debug(" Refused a message from " + s.describe() + ": " + code + ": " + message);
        outbox.send(s, new ErrorMessage(code, message, requestId, taskId));
        if (s.protocolErrors > 100) {
            s.channel.close(CloseReason.POLICY, "too many bad messages");
        }
    }

    /** Forgets a closed session; returns its gamer state if it was a gamer (whose waiting tasks the hub decides). */
    GamerState closed(Session s, String reason) {
        if (s.peer != null && peers.get(s.peer.account.id) == s.peer) {
            console.info(" Peer disconnected: " + s.peer.account.id + " (" + reason + ")");
            router.detach(s.peer, "peer " + s.peer.account.id + " disconnected");
        }
        if (s.gamer != null && gamers.remove(s.gamer)) {
            console.info(" Gamer disconnected: " + s.gamer.account.id + " (" + reason + ")");
            s.gamer.connected = false;
            return s.gamer;
        }
        return null;
    }

    void dropSilentPeers(long nowNanos) {
        long silence = config.heartbeatTimeout().toNanos();
        for (PeerState p : new ArrayList<>(peers.values())) {
            if (nowNanos - p.session.lastHeardNanos > silence) {
                console.warn(" Peer " + p.account.id + " sent nothing for " + config.heartbeatTimeout().toSeconds() + " s; closing");
                p.session.channel.close(CloseReason.GOING_AWAY, "no heartbeat");
                router.detach(p, "peer " + p.account.id + " went silent");
            }
        }
    }

    void closeAll() {
        for (PeerState p : peers.values()) {
            p.session.channel.close(CloseReason.GOING_AWAY, "coordinator shutting down");
        }
        for (GamerState g : gamers) {
            g.session.channel.close(CloseReason.GOING_AWAY, "coordinator shutting down");
        }
    }
}
