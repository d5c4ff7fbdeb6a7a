package io.p2c2r.coordinator.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One coordinator's hold on its database file: the file (and the {@code -wal} and {@code -shm} files SQLite
 * makes with the same mode) is owner-only, a folder created for it too, and an exclusive lock on
 * {@code <db>.lock} keeps a second coordinator off the same file. The lock is the operating system's
 * (fcntl), so it dies with its process: a coordinator killed with SIGKILL never blocks the next start. Any
 * thread may take or release a claim.
 */
final class DatabaseClaim implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    /**
     * Lock files this JVM holds. A second channel on a held file must never be opened: closing it would drop
     * the process's lock on that file (POSIX locks belong to the process, not the channel).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private DatabaseClaim(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** Prepares {@code db} owner-only and locks it; throws {@link StoreException} if another coordinator has it. */
    static DatabaseClaim take(Path db) {
        Path file = db.toAbsolutePath().normalize();
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!HELD.add(lockFile)) {
            throw new StoreException("database " + db + " is in use by another coordinator in this process"
                    + "; stop it first, or give this one its own --db", null);
        }
        FileChannel channel = null;
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
                        : new FileAttribute<?>[0]);
            }
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly(posix));
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                HELD.remove(lockFile);
                throw new StoreException("database " + db + " is in use by another coordinator" + holder
                        + "; stop it first, or give this one its own --db", null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            if (posix) {
                ownerOnly(file, true);
                ownerOnly(file.resolveSibling(file.getFileName() + "-wal"), false);
                ownerOnly(file.resolveSibling(file.getFileName() + "-shm"), false);
            }
            return new DatabaseClaim(lockFile, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(lockFile);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot prepare database " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code path} owner-only; with {@code create}, creates it empty first (an empty file is an empty
     * SQLite database), so that the mode holds from the first byte and SQLite copies it to its -wal and -shm.
     */
    private static void ownerOnly(Path path, boolean create) throws IOException {
        if (create && !Files.exists(path)) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } else if (Files.exists(path)) {
            Files.setPosixFilePermissions(path, OWNER_FILE);
        }
    }

    private static FileAttribute<?>[] ownerOnly(boolean posix) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            channel.read(buf, 0);
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    /** Releases the lock; the lock file stays, and is harmless. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
        HELD.remove(lockFile);
    }
}
