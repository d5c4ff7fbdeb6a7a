package io.p2c2r.common.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {
    @TempDir
    Path dir;

    @Test
    void tokens_areSavedOwnerOnly_andReadBack() throws Exception {
        IdentityStore store = new IdentityStore(dir.resolve("state"));
        assertEquals(Optional.empty(), store.token("peer", "p1"));
        store.saveToken("peer", "p1", "secret-token-value");
        assertEquals(Optional.of("secret-token-value"), store.token("peer", "p1"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.tokenFile("peer", "p1"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))));
    }

    @Test
    void defaultId_isStable_acrossInstances() {
        String first = new IdentityStore(dir).defaultId("gamer");
        assertTrue(first.startsWith("gamer_"), first);
        assertEquals(first, new IdentityStore(dir).defaultId("gamer"));
    }

    @Test
    void savedId_neverCreatesOne() {
        IdentityStore store = new IdentityStore(dir.resolve("fresh"));
        assertEquals(Optional.empty(), store.savedId("peer"));
        assertTrue(Files.notExists(dir.resolve("fresh")), "reading created nothing");
        String id = store.defaultId("peer");
        assertEquals(Optional.of(id), store.savedId("peer"));
    }
}
