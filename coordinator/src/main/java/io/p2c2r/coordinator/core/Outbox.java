package io.p2c2r.coordinator.core;

import io.p2c2r.common.protocol.Codec;
import io.p2c2r.common.protocol.ServerMessage;
import java.util.List;

/**
 * Sends messages to sessions, and to the gamer behind a task: on the connection that submitted it if still
 * open, else on any open connection of the same gamer id (a correction reaches a gamer who reconnected).
 * Event loop only.
 */
final class Outbox {
    /** Hears what would be said to a gamer about a tile of a split render (the gamer hears of the render only). */
    interface TileSink {
        void tileMessage(Task tile, ServerMessage m);
    }

    private final List<GamerState> gamers;
    private TileSink tiles;

    Outbox(List<GamerState> gamers) {
        this.gamers = gamers;
    }

    void tiles(TileSink sink) {
        this.tiles = sink;
    }

    void send(Session s, ServerMessage m) {
        if (!s.closed) {
            s.channel.send(Codec.encode(m));
        }
    }

    /**
     * Sends to the task's gamer (and to connections that sent its request id again); returns false if no connection
     * of that gamer is open.
     */
    boolean toGamer(Task task, ServerMessage m) {
        if (task.tileOf != null) {
            tiles.tileMessage(task, m);
            return true;
        }
        if (task.gamer == null) {
            return false;
        }
        boolean sent = false;
        if (task.gamer.connected) {
            send(task.gamer.session, m);
            sent = true;
        }
        for (GamerState g : task.joined) {
            if (g.connected && g != task.gamer) {
                send(g.session, m);
                sent = true;
            }
        }
        if (sent) {
            return true;
        }
        for (GamerState g : gamers) {
            if (g.connected && g.account == task.gamer.account) {
                send(g.session, m);
                return true;
            }
        }
        return false;
    }
}
