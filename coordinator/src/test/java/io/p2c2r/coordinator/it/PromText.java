package io.p2c2r.coordinator.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text format (0.0.4) for tests: every sample belongs to a family declared by
 * {@code # TYPE} before it, names and labels follow the grammar, no series repeats, values are numbers, and each
 * histogram's buckets rise to a {@code +Inf} bucket equal to its {@code _count}. Any breach throws.
 */
final class PromText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\"\\\\n])*)\"(,|$)");

    /** Series key ({@code name{a="x",b="y"}}, labels sorted) to value, and each family's type. */
    final Map<String, Double> samples = new LinkedHashMap<>();
    final Map<String, String> types = new LinkedHashMap<>();

    static PromText parse(String text) {
        PromText p = new PromText();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a newline");
        }
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                p.line(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + n + " '" + line + "': " + e.getMessage(), e);
            }
        }
        p.checkHistograms();
        return p;
    }

    private void line(String line) {
        if (line.startsWith("# TYPE ")) {
            String[] parts = line.substring(7).split(" ");
            if (parts.length != 2 || !NAME.matcher(parts[0]).matches()
                    || !parts[1].matches("counter|gauge|histogram|summary|untyped")) {
                throw new IllegalArgumentException("malformed TYPE");
            }
            if (types.put(parts[0], parts[1]) != null) {
                throw new IllegalArgumentException("TYPE of " + parts[0] + " given twice");
            }
            return;
        }
        if (line.startsWith("# HELP ")) {
            if (!NAME.matcher(line.substring(7).split(" ", 2)[0]).matches()) {
                throw new IllegalArgumentException("malformed HELP");
            }
            return;
        }
        if (line.startsWith("#")) {
            return;
        }
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a sample");
        }
        String name = m.group(1);
        String family = family(name);
        if (family == null) {
            throw new IllegalArgumentException("sample " + name + " has no TYPE before it");
        }
        Map<String, String> labels = new TreeMap<>();
        if (m.group(3) != null && !m.group(3).isEmpty()) {
            Matcher l = LABEL.matcher(m.group(3));
            int at = 0;
            while (at < m.group(3).length()) {
                if (!l.find(at) || l.start() != at) {
                    throw new IllegalArgumentException("malformed labels at " + at);
                }
                if (labels.put(l.group(1), l.group(2)) != null) {
                    throw new IllegalArgumentException("label " + l.group(1) + " repeated");
                }
                at = l.end();
            }
        }
        double value = value(m.group(4));
        String key = name + labels.toString().replace(", ", ",");
        if (samples.put(key, value) != null) {
            throw new IllegalArgumentException("series " + key + " repeated");
        }
    }

    private String family(String name) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : new String[] {"_total", "_created", "_bucket", "_count", "_sum"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    private static double value(String s) {
        switch (s) {
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            case "NaN": return Double.NaN;
            default:
                if (!s.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw new IllegalArgumentException("value '" + s + "' is not a number");
                }
                return Double.parseDouble(s);
        }
    }

    /** Every histogram series: buckets non-decreasing in le, ending at +Inf, which equals _count. */
    private void checkHistograms() {
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String key = e.getKey();
            int brace = key.indexOf('{');
            String name = key.substring(0, brace);
            if (!name.endsWith("_bucket") || !"histogram".equals(types.get(name.substring(0, name.length() - 7)))) {
                continue;
            }
            Matcher le = Pattern.compile("le=([^,}]*)").matcher(key);
            if (!le.find()) {
                throw new IllegalArgumentException(key + ": a bucket without le");
            }
            String series = key.replace("le=" + le.group(1), "").replace("{,", "{").replace(",}", "}").replace(",,", ",")
                    .replace("_bucket{", "{");
            buckets.computeIfAbsent(series, k -> new TreeMap<>()).put(value(le.group(1)), e.getValue());
        }
        buckets.forEach((series, b) -> {
            double last = -1;
            for (double c : b.values()) {
                if (c < last) {
                    throw new IllegalArgumentException(series + ": buckets decrease");
                }
                last = c;
            }
            if (!b.containsKey(Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(series + ": no +Inf bucket");
            }
            String count = series.replaceFirst("\\{", "_count{");
            if (!b.get(Double.POSITIVE_INFINITY).equals(samples.get(count))) {
                throw new IllegalArgumentException(series + ": +Inf bucket " + b.get(Double.POSITIVE_INFINITY)
                        + " differs from " + count + " = " + samples.get(count));
            }
        });
    }

    /** The value of {@code key} (labels sorted, as {@code name{a=x,b=y}}), or 0 if the series is absent. */
    double get(String key) {
        return samples.getOrDefault(key, 0.0);
    }
}
