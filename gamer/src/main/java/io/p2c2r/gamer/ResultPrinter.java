package io.p2c2r.gamer;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a result into something a person can read: images (base64 PNG fields) are saved to files and
 * replaced by their path, long arrays and strings are abbreviated, and a large result is saved whole as
 * JSON beside them. Not thread-safe; one per console.
 */
final class ResultPrinter {
    private static final int MAX_LIST = 12;
    private static final int MAX_STRING = 160;
    private static final int SAVE_JSON_OVER = 4096;
    private final Path outputDir;

    ResultPrinter(Path outputDir) {
        this.outputDir = outputDir;
    }

    String render(String taskId, RawJson result) {
        try {
            Object shown = summarise(taskId, "", Codec.tree(result));
            String text = Codec.pretty(shown);
            if (result.text().length() > SAVE_JSON_OVER) {
                Path file = save(taskId + ".json", result.text().getBytes(StandardCharsets.UTF_8));
                text += "\n  (full result saved to " + file + ")";
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save output under " + outputDir, e);
        }
    }

    private Object summarise(String taskId, String name, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, summarise(taskId, name.isEmpty() ? key : name + "_" + key, e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            boolean rowsOfText = list.stream().allMatch(o -> o instanceof String s && s.length() <= 128) && list.size() <= 64;
            int limit = rowsOfText ? list.size() : Math.min(list.size(), MAX_LIST);
            for (int i = 0; i < limit; i++) {
                out.add(summarise(taskId, name + "_" + i, list.get(i)));
            }
            if (limit < list.size()) {
                out.add("... " + (list.size() - limit) + " more");
            }
            return out;
        }
        if (value instanceof String s && s.length() > MAX_STRING) {
            if (s.startsWith("iVBORw0KGgo")) {
                Path file = save(taskId + "_" + name.replace("_base64", "") + ".png", Base64.getDecoder().decode(s));
                return "image saved to " + file;
            }
            return s.substring(0, MAX_STRING) + "... (" + s.length() + " characters)";
        }
        return value;
    }

    private Path save(String fileName, byte[] bytes) throws IOException {
        Files.createDirectories(outputDir);
        Path file = outputDir.resolve(fileName.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Files.write(file, bytes);
        return file;
    }
}
