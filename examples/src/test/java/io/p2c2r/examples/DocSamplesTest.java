package io.p2c2r.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java sample in README.md and docs/*.md compiles against the client and, run in its own JVM against a real
 * coordinator and peer on 127.0.0.1, exits 0 and prints something, so that no sample can rot. The samples' address
 * {@value DocSamples#PLACEHOLDER} is replaced by the test coordinator's; their home folder is a temp folder.
 */
class DocSamplesTest {
    @TempDir
    Path dir;

    @Test
    void everyJavaSampleInTheDocs_compilesAndRuns() throws Exception {
        List<DocSamples.Sample> samples = DocSamples.all(DocSamples.root());
        assertTrue(samples.stream().anyMatch(s -> s.where().startsWith("README.md")), "the README's sample is found: " + samples);
        assertTrue(samples.stream().filter(s -> s.where().startsWith("docs/CLIENT.md")).count() >= 4,
                "docs/CLIENT.md's samples are found: " + samples);
        try (LocalNetwork net = new LocalNetwork(dir)) {
            Path classes = compile(samples, net.cloud().toString());
            for (DocSamples.Sample s : samples) {
                String out = run(s, classes);
                assertTrue(!out.isBlank(), s.where() + " printed nothing");
            }
        }
    }

    private Path compile(List<DocSamples.Sample> samples, String cloud) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (DocSamples.Sample s : samples) {
            Path f = src.resolve(s.className() + ".java");
            Files.writeString(f, s.source().replace(DocSamples.PLACEHOLDER, cloud), StandardCharsets.UTF_8);
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "compiling the docs' samples needs a JDK, not a JRE: java.home is " + System.getProperty("java.home"));
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(errors, fm, null, List.of("-classpath", classpath(), "-d", classes.toString(),
                    "-Xlint:all", "-Werror"), null, units).call();
            assertTrue(ok, "the docs' samples compile (" + samples + "):\n" + errors);
        }
        return classes;
    }

    private String run(DocSamples.Sample s, Path classes) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-" + s.className()));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classes + java.io.File.pathSeparator + classpath(), s.className());
        pb.environment().put("P2C2R_HOME", home.resolve(".p2c2r").toString());
        Path log = home.resolve("output.txt");
        pb.redirectErrorStream(true).redirectOutput(log.toFile()); // a file, so a hung sample cannot hang the read
        Process p = pb.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, s.where() + " did not end within 120 s:\n" + text);
        assertEquals(0, p.exitValue(), s.where() + " failed:\n" + text + "\n--- its source:\n" + s.source());
        return text;
    }

    /** The test classpath: surefire's own property, since java.class.path may be a manifest-only jar. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
