package io.p2c2r.gamer;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a result into something a person can read. Images (base64 PNG fields, including procedural previews) are
 * saved to files and replaced by their path, and a large result is saved whole as JSON beside them. Then either a
 * short summary per task type ({@link ResultSummary}) or, on request, the full JSON. Not thread-safe; one per console.
 */
final class ResultPrinter {
    static final int SAVE_JSON_OVER = 4096;
    private static final String PNG_MAGIC = "iVBORw0KGgo";

    /** One image found in a result: which field it came from and where it was saved. */
    record Image(String part, OutputFiles.Saved saved) {
    }

    /** A result with its images saved: the tree with paths in their place, the images, and the saved JSON if any. */
    record Prepared(Object tree, List<Image> images, OutputFiles.Saved json) {
    }

    private final OutputFiles files;
    private final boolean fullJson;

    ResultPrinter(OutputFiles files, boolean fullJson) {
        this.files = files;
        this.fullJson = fullJson;
    }

    /** Saves the result's images (and the whole result if large) and returns what to print. */
    String render(String type, String taskId, RawJson result) {
        Prepared p = prepare(type, taskId, result);
        return fullJson ? full(p) : summary(type, p);
    }

    /** The full result as indented JSON, nothing abbreviated, images replaced by their file. */
    String full(String type, String taskId, RawJson result) {
        return full(prepare(type, taskId, result));
    }

    Prepared prepare(String type, String taskId, RawJson result) {
        List<Image> images = new ArrayList<>();
        Object tree = extract(type, taskId, "", Codec.tree(result), images);
        OutputFiles.Saved json = result.text().length() > SAVE_JSON_OVER
                ? files.save(type, taskId, null, "json", result.text().getBytes(StandardCharsets.UTF_8)) : null;
        return new Prepared(tree, images, json);
    }

    private static String full(Prepared p) {
        return Codec.pretty(p.tree()) + (p.json() == null ? "" : "\n  (the result as received: " + p.json().describe() + ")");
    }

    private static String summary(String type, Prepared p) {
        StringBuilder out = new StringBuilder(ResultSummary.of(type, p.tree()));
        for (Image i : p.images()) {
            out.append("\n  ").append(i.part().isEmpty() ? "image" : i.part().replace('_', ' ')).append(": ").append(i.saved().describe());
        }
        if (p.json() != null) {
            out.append("\n  full result: ").append(p.json().describe());
        }
        return out.toString();
    }

    /** Replaces every base64 PNG in the tree by "saved to PATH", saving it as {@code <type>-<task>[-<field>].png}. */
    private Object extract(String type, String taskId, String path, Object value, List<Image> images) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String part = key.equals("png") || key.equals("png_base64") ? path : path.isEmpty() ? key : path + "_" + key;
                out.put(key, extract(type, taskId, part, e.getValue(), images));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(extract(type, taskId, path.isEmpty() ? String.valueOf(i) : path + "_" + i, list.get(i), images));
            }
            return out;
        }
        if (value instanceof String s && s.length() > 64 && s.startsWith(PNG_MAGIC)) {
            OutputFiles.Saved saved = files.save(type, taskId, path, "png", Base64.getDecoder().decode(s));
            images.add(new Image(path, saved));
            return "saved to " + saved.path();
        }
        return value;
    }
}
