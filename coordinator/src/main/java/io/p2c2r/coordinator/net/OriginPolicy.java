package io.p2c2r.coordinator.net;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser pages may open a connection to the task port. A browser sends the page's {@code Origin} with every
 * WebSocket handshake and lets any page connect anywhere, so without this check a page on any site a gamer visits
 * could register as a gamer with a token the page holds (spending that id's money) or flood the coordinator from
 * the visitor's machine. Programs (the Java clients, peers, Node) send no {@code Origin} and are not affected.
 * Stateless; any thread.
 */
public final class OriginPolicy {
    /** Allows every origin. */
    public static final String ANY = "*";

    private OriginPolicy() {
    }

    /** The allow-list, normalised (lower case, no trailing slash); refuses an entry that is not scheme://host[:port]. */
    public static List<String> checked(List<String> origins) {
        if (origins == null) {
            return List.of();
        }
        return origins.stream().map(o -> {
            if (ANY.equals(o)) {
                return o;
            }
            String n = o.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            URI u;
            try {
                u = URI.create(n);
            } catch (IllegalArgumentException e) {
                u = null;
            }
            if (u == null || u.getHost() == null || !(n.startsWith("http://") || n.startsWith("https://"))
                    || (u.getPath() != null && !u.getPath().isEmpty()) || u.getQuery() != null) {
                throw new IllegalArgumentException("allowed origin = '" + o + "' must be *, or http(s)://host[:port] "
                        + "with no path, as a browser sends it");
            }
            return n;
        }).toList();
    }

    /** Null if a handshake with this {@code Origin} header (null when absent) may proceed, else why not. */
    public static String refusal(List<String> allowed, String origin) {
        if (origin == null) {
            return null;
        }
        String n = origin.toLowerCase(Locale.ROOT);
        if (allowed.contains(ANY) || allowed.contains(n)) {
            return null;
        }
        return "origin '" + origin + "' is not allowed to connect (the coordinator's --allow-origin)";
    }
}
