package io.p2c2r.coordinator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dashboard's and playground's files, read once from the jar: URL path to body. No CDN, nothing fetched. Stateless. */
final class WebFiles {
    private static final String ROOT = "/io/p2c2r/coordinator/http/web/";
    /** URL path, resource name, content type. p2c2r.js is clients/js/p2c2r.js, copied in by the build. */
    private static final String[][] FILES = {
        {"/", "index.html", "text/html; charset=utf-8"},
        {"/play", "play.html", "text/html; charset=utf-8"},
        {"/static/style.css", "style.css", "text/css; charset=utf-8"},
        {"/static/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"},
        {"/static/charts.js", "charts.js", "text/javascript; charset=utf-8"},
        {"/static/play.js", "play.js", "text/javascript; charset=utf-8"},
        {"/static/p2c2r.js", "p2c2r.js", "text/javascript; charset=utf-8"},
    };

    private WebFiles() {
    }

    static Map<String, HttpViews.Body> load() {
        Map<String, HttpViews.Body> out = new LinkedHashMap<>();
        for (String[] f : FILES) {
            try (InputStream in = WebFiles.class.getResourceAsStream(ROOT + f[1])) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks " + ROOT + f[1] + "; rebuild it with mvn package");
                }
                out.put(f[0], new HttpViews.Body(f[2], in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + ROOT + f[1], e);
            }
        }
        return out;
    }
}
