package io.p2c2r.gamer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * Saves what results carry for files (images, large results) under the output folder, named by task type and
 * task, as in {@code rt_shadows-task_mx5c_53d.png} or {@code physics_fluid-task_x-density_slice.png}. Content
 * already saved this session (a cache hit gives the same bytes again) is not written twice. Not thread-safe;
 * one per console.
 */
final class OutputFiles {
    /** Where a file went; {@code again} if the same bytes were already saved under that name this session. */
    record Saved(Path path, boolean again) {
        String describe() {
            return path + (again ? " (the same as an earlier result)" : "");
        }
    }

    private final Path dir;
    private final Map<String, Path> byDigest = new HashMap<>();

    OutputFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Saves {@code bytes} as {@code <type>-<taskId>[-<part>].<ext>}, unless the same bytes were saved already. */
    Saved save(String type, String taskId, String part, String ext, byte[] bytes) {
        String digest = sha256(bytes) + "." + ext;
        Path earlier = byDigest.get(digest);
        if (earlier != null && Files.exists(earlier)) {
            return new Saved(earlier, true);
        }
        String name = (type + "-" + taskId + (part == null || part.isEmpty() ? "" : "-" + part)).replaceAll("[^A-Za-z0-9_.-]", "_");
        Path file = dir.resolve(name + "." + ext);
        try {
            Files.createDirectories(dir);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
        byDigest.put(digest, file);
        return new Saved(file, false);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
