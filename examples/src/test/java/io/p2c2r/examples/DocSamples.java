package io.p2c2r.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java code samples of README.md and docs/*.md: every fenced {@code ```java} block, as a compilation unit.
 * A block that declares a class stands as it is; any other block is a snippet, run as the body of a {@code main}
 * with the imports a game would write. Stateless.
 */
final class DocSamples {
    /** One sample: where it is (file and line, for messages), its class name and its source. */
    record Sample(String where, String className, String source) {
    }

    /** The address samples use; the tests put the test coordinator's in its place. */
    static final String PLACEHOLDER = "ws://localhost:8765/";

    private static final Pattern BLOCK = Pattern.compile("(?m)^```java[^\\n]*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final String IMPORTS = String.join("\n",
            "import io.p2c2r.client.*;",
            "import io.p2c2r.common.P2c2rException;",
            "import io.p2c2r.common.identity.IdentityStore;",
            "import io.p2c2r.common.money.Money;",
            "import io.p2c2r.common.task.TaskType;",
            "import java.net.URI;",
            "import java.nio.file.Path;",
            "import java.time.Duration;",
            "import java.util.*;",
            "import java.util.concurrent.*;", "");

    private DocSamples() {}

    /** The project's root: the folder above this module that holds README.md. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md and docs/ above " + here);
    }

    static List<Sample> all(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Sample> samples = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(text);
            int n = 0;
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).lines().count() + 1;
                String where = root.relativize(f) + ":" + line;
                samples.add(unit(where, f.getFileName().toString().replaceAll("\\W", "_") + "_" + ++n, m.group(1)));
            }
        }
        return samples;
    }

    private static Sample unit(String where, String fallbackName, String code) {
        Matcher c = CLASS.matcher(code);
        if (c.find()) {
            return new Sample(where, c.group(1), code);
        }
        String name = "Sample_" + fallbackName;
        return new Sample(where, name, IMPORTS + "public class " + name + " {\n    public static void main(String[] args) throws Exception {\n"
                + code + "    }\n}\n");
    }
}
