package io.p2c2r.client;

import io.p2c2r.common.P2c2rException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Says in words why a connection to a coordinator could not be made. Stateless. */
final class ConnectFailure {
    private ConnectFailure() {}

    /**
     * @param error       what the socket reported, or null
     * @param closeCode   the close code if the connection was closed during the handshake, or null
     * @param tcpOpen     whether the TCP connection itself was made
     */
    static P2c2rException explain(URI cloud, Duration timeout, Exception error, Integer closeCode, String closeReason,
                                  boolean tcpOpen) {
        String where = cloud.getHost() + ":" + port(cloud);
        if (error instanceof ConnectException) {
            return new P2c2rException(P2c2rClient.UNREACHABLE, "nothing listens at " + where + " (connection refused)");
        }
        if (error instanceof UnknownHostException || error instanceof UnresolvedAddressException
                || error != null && error.getCause() instanceof UnresolvedAddressException) {
            return new P2c2rException(P2c2rClient.UNREACHABLE, "cannot find the host '" + cloud.getHost() + "' (unknown host)");
        }
        if (error instanceof NoRouteToHostException) {
            return new P2c2rException(P2c2rClient.UNREACHABLE, "no route to " + where + " (" + error.getMessage() + ")");
        }
        if (closeCode != null && closeCode > 0) {
            return new P2c2rException(P2c2rClient.CONNECT_FAILED, where + " closed the connection (code " + closeCode
                    + (closeReason == null || closeReason.isEmpty() ? "" : ": " + closeReason) + ")");
        }
        if (error != null) {
            return new P2c2rException(P2c2rClient.CONNECT_FAILED, "cannot connect to " + where + ": " + error.getMessage());
        }
        long s = timeout.toSeconds();
        String within = s > 0 ? s + " s" : timeout.toMillis() + " ms";
        return new P2c2rException(P2c2rClient.CONNECT_TIMEOUT, tcpOpen
                ? where + " accepted the connection but did not answer the WebSocket handshake within " + within
                        + " (is it a P2C2R coordinator?)"
                : "timed out after " + within + " connecting to " + where + " (no answer; a firewall may drop the packets)");
    }

    static int port(URI cloud) {
        return cloud.getPort() > 0 ? cloud.getPort() : "wss".equals(cloud.getScheme()) ? 443 : 80;
    }
}
