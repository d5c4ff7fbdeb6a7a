package io.p2c2r.coordinator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseClaimTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void database_walShmAndLock_areOwnerOnly_andAFolderMadeForThemToo() throws Exception {
        Path db = dir.resolve("state").resolve("cloud.db");
        try (Store store = Store.open(db, e -> { })) {
            store.load(0, 0, 10);
            store.start();
            store.submit(t -> t.gamers.create("gamer_mode", "0".repeat(64), 1));
            store.flush().get();
            assertEquals("rwx------", mode(db.getParent()));
            assertEquals("rw-------", mode(db));
            assertEquals("rw-------", mode(dir.resolve("state/cloud.db-wal")));
            assertEquals("rw-------", mode(dir.resolve("state/cloud.db-shm")));
            assertEquals("rw-------", mode(dir.resolve("state/cloud.db.lock")));
        }
    }

    @Test
    void anExistingWorldReadableDatabase_isMadeOwnerOnly() throws Exception {
        Path db = dir.resolve("old.db");
        Files.createFile(db, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (Store store = Store.open(db, e -> { })) {
            assertEquals("rw-------", mode(db));
        }
    }

    @Test
    void aSecondClaim_onTheSameFile_isRefused_untilTheFirstIsReleased() {
        Path db = dir.resolve("one.db");
        Store first = Store.open(db, e -> { });
        StoreException e = assertThrows(StoreException.class, () -> Store.open(db, x -> { }));
        assertTrue(e.getMessage().contains("is in use by another coordinator"), e.getMessage());
        first.close();
        Store.open(db, x -> { }).close();
    }
}
