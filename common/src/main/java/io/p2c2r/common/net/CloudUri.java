package io.p2c2r.common.net;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The coordinator's WebSocket address from the command line: a host ({@code --cloud-ip p2c2r.example.com})
 * with a port and {@code --tls}, or a whole URL ({@code --cloud-ip wss://p2c2r.example.com:8765}). Stateless.
 */
public final class CloudUri {
    private CloudUri() {}

    /** Throws {@link IllegalArgumentException} naming the option when the address cannot be used. */
    public static URI of(String hostOrUrl, int port, boolean tls) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--cloud-port " + port + " is out of range [1, 65535]");
        }
        try {
            if (!hostOrUrl.contains("://")) {
                return new URI(tls ? "wss" : "ws", null, hostOrUrl, port, "/", null, null);
            }
            URI u = new URI(hostOrUrl);
            String scheme = u.getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException("--cloud-ip '" + hostOrUrl + "' must be a host name or a ws:// or wss:// URL");
            }
            if (tls && "ws".equals(scheme)) {
                throw new IllegalArgumentException("--tls and a ws:// URL contradict each other; use wss://");
            }
            if (u.getHost() == null) {
                throw new IllegalArgumentException("--cloud-ip '" + hostOrUrl + "' has no host");
            }
            return new URI(scheme, null, u.getHost(), u.getPort() > 0 ? u.getPort() : port,
                    u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--cloud-ip '" + hostOrUrl + "' is not a host name or URL: " + e.getMessage());
        }
    }
}
