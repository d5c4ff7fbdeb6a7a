package io.p2c2r.common.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client's identity files in its state folder: {@code <role>.id} (the default id) and
 * {@code <role>-<id>.token} (the secret the coordinator issued), readable by the owner only, so that a
 * peer's earnings follow it across restarts. Not thread-safe; one program, one caller.
 */
public final class IdentityStore {
    private final Path dir;

    public IdentityStore(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.p2c2r}, or {@code $P2C2R_HOME} when set. */
    public static Path defaultDir() {
        String env = System.getenv("P2C2R_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".p2c2r");
    }

    public Path dir() {
        return dir;
    }

    /** The id to use when none was given: the saved one, or a new {@code <role>_<host>_<digits>} that is saved. */
    public String defaultId(String role) {
        Optional<String> saved = savedId(role);
        if (saved.isPresent()) {
            return saved.get();
        }
        Path file = dir.resolve(role + ".id");
        try {
            String id = role + "_" + hostName() + "_" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
            write(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The saved default id for {@code role}, without creating one. */
    public Optional<String> savedId(String role) {
        Path file = dir.resolve(role + ".id");
        try {
            String id = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Optional<String> token(String role, String id) {
        Path file = tokenFile(role, id);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void saveToken(String role, String id, String token) {
        Path file = tokenFile(role, id);
        try {
            write(file, token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Path tokenFile(String role, String id) {
        return dir.resolve(role + "-" + id + ".token");
    }

    /** Writes atomically through a temporary file created owner-only, so the secret is never world-readable. */
    private void write(Path file, String content) throws IOException {
        OwnerOnlyFiles.write(file, content + "\n");
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9-]", "");
            return h.isEmpty() ? "host" : h.length() > 20 ? h.substring(0, 20) : h;
        } catch (IOException e) {
            return "host";
        }
    }
}
