package io.p2c2r.coordinator.core;

import io.p2c2r.coordinator.store.Account;
import io.p2c2r.coordinator.store.Snapshot;
import io.p2c2r.coordinator.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Identities: the first registration of an id creates it and returns a secret token; later ones must
 * present it. Only the token's SHA-256 is kept. Event loop only.
 */
final class Accounts {
    /** Refusal of a registration, with the protocol error code. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** An accepted registration: the account and the token the client must keep. */
    record Granted(AccountState account, String token, boolean created) {
    }

    private static final int MIN_CLIENT_TOKEN = 16;
    private final Map<String, AccountState> peers = new HashMap<>();
    private final Map<String, AccountState> gamers = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Store store;

    Accounts(Snapshot snapshot, Store store) {
        this.store = store;
        for (Account a : snapshot.peers()) {
            peers.put(a.id(), new AccountState(a.id(), a.tokenHash(), a.totalNanos(), a.pendingNanos(), a.tasksCompleted()));
        }
        for (Account a : snapshot.gamers()) {
            gamers.put(a.id(), new AccountState(a.id(), a.tokenHash(), a.totalNanos(), 0, a.tasksCompleted()));
        }
    }

    Granted peer(String id, String token, long nowMillis) throws Refused {
        return register(peers, "peer", id, token, nowMillis);
    }

    /** A peer's account by id, connected or not (null if unknown): grants reach peers that are offline. */
    AccountState peerAccount(String id) {
        return peers.get(id);
    }

    /** A gamer's account by id, or null if unknown. */
    AccountState gamerAccount(String id) {
        return gamers.get(id);
    }

    /** Every peer account known, connected or not (for views; do not keep the collection). */
    java.util.Collection<AccountState> peerAccounts() {
        return peers.values();
    }

    /** Every gamer account known. */
    java.util.Collection<AccountState> gamerAccounts() {
        return gamers.values();
    }

    Granted gamer(String id, String token, long nowMillis) throws Refused {
        return register(gamers, "gamer", id, token, nowMillis);
    }

    private Granted register(Map<String, AccountState> accounts, String role, String id, String token, long now)
            throws Refused {
        AccountState existing = accounts.get(id);
        if (existing != null) {
            if (token == null) {
                throw new Refused(role + " id '" + id + "' is already registered; present its token to use it");
            }
            if (!MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                    existing.tokenHash.getBytes(StandardCharsets.US_ASCII))) {
                throw new Refused("wrong token for " + role + " id '" + id + "'");
            }
            return new Granted(existing, token, false);
        }
        if (token != null && token.length() < MIN_CLIENT_TOKEN) {
            throw new Refused("a token chosen by the client must have at least " + MIN_CLIENT_TOKEN + " characters");
        }
        String granted = token != null ? token : newToken();
        AccountState created = new AccountState(id, hash(granted), 0, 0, 0);
        accounts.put(id, created);
        String tokenHash = created.tokenHash;
        if ("peer".equals(role)) {
            store.submit(t -> t.peers.create(id, tokenHash, now));
        } else {
            store.submit(t -> t.gamers.create(id, tokenHash, now));
        }
        return new Granted(created, granted, true);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
