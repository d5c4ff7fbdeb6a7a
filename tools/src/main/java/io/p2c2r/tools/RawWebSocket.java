package io.p2c2r.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client below any library, for what no library client sends: a TCP connection that never
 * handshakes, a frame header without its payload, thousands of idle connections without two threads each.
 * It frames (with a zero mask key, which RFC 6455 allows and which leaves payloads as they are) and reads
 * the server's frames by hand, answering pings. Used by the coordinator's tests and by {@link Flood}.
 * Blocking; one thread at a time.
 */
public final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final InetSocketAddress target;

    private RawWebSocket(Socket socket, InetSocketAddress target) throws IOException {
        this.socket = socket;
        this.target = target;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A TCP connection to {@code target} from {@code from} (null: any local address), nothing sent. */
    public static RawWebSocket tcp(InetAddress from, InetSocketAddress target) throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(true);
        if (from != null) {
            s.bind(new InetSocketAddress(from, 0));
        }
        s.connect(target, 10_000);
        s.setSoTimeout(30_000);
        return new RawWebSocket(s, target);
    }

    /** A TCP connection to loopback {@code port} from {@code from} (any 127.x.y.z), nothing sent. */
    public static RawWebSocket tcp(InetAddress from, int port) throws IOException {
        return tcp(from, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public static RawWebSocket tcp(int port) throws IOException {
        return tcp(null, port);
    }

    /** A connection to loopback {@code port} that has completed the WebSocket opening handshake. */
    public static RawWebSocket websocket(int port) throws IOException {
        RawWebSocket r = tcp(port);
        r.handshake();
        return r;
    }

    /** Sends the HTTP upgrade and reads the server's 101 answer. */
    public void handshake() throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(("GET / HTTP/1.1\r\nHost: " + target.getHostString() + ":" + target.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.write(b);
        }
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    /** Sends one text frame, whole. Frames sent whole may come from several threads (a pong and a heartbeat). */
    public void sendText(String text) throws IOException {
        sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void sendFrame(int firstByte, byte[] payload) throws IOException {
        out.write(header(firstByte, payload.length));
        out.write(payload);
        out.flush();
    }

    /** Sends a frame header (with a zero mask key) declaring {@code length} payload bytes, and no payload. */
    public void sendHeader(int firstByte, long length) throws IOException {
        out.write(header(firstByte, length));
        out.flush();
    }

    /**
     * A client frame header (RFC 6455 section 5.2): {@code firstByte} (FIN bit and opcode), the length in
     * the shortest form, and a zero mask key.
     */
    public static byte[] header(int firstByte, long length) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(firstByte);
        if (length < 126) {
            h.write(0x80 | (int) length);
        } else if (length <= 0xFFFF) {
            h.write(0x80 | 126);
            h.write((int) (length >> 8));
            h.write((int) length);
        } else {
            h.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                h.write((int) (length >> (8 * i)));
            }
        }
        h.writeBytes(new byte[4]);
        return h.toByteArray();
    }

    /** Payload bytes for a frame whose header went out with {@link #sendHeader}. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One frame from the server: its opcode and payload. */
    private record Frame(int opcode, byte[] payload) {
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    /** The next frame that is not a ping (pings are answered); null if the connection ended first. */
    private Frame next() throws IOException {
        while (true) {
            int b0 = in.read();
            int b1 = b0 < 0 ? -1 : in.read();
            if (b1 < 0) {
                return null;
            }
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) len);
            if ((b0 & 0x0f) == 0x9) {
                sendFrame(0x8A, payload);
                continue;
            }
            return new Frame(b0 & 0x0f, payload);
        }
    }

    /**
     * Reads until the server closes: its close code (1009, 1008...), or -1 if the TCP connection ended
     * without a close frame. Text frames before it are skipped.
     */
    public int awaitClose() throws IOException {
        try {
            return closeCode();
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither closed nor answered within " + socket.getSoTimeout() + " ms", e);
        }
    }

    /**
     * The server's close code if it closes within {@code millis} (-1: closed without a close frame), or 0 if
     * the connection is still open then.
     */
    public int closedWithin(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return closeCode();
        } catch (SocketTimeoutException e) {
            return 0;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    private int closeCode() throws IOException {
        try {
            for (Frame f = next(); f != null; f = next()) {
                if (f.opcode() == 0x8) {
                    return f.closeCode();
                }
            }
            return -1;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return -1; // reset by the server
        }
    }

    /** The next text frame's payload; fails if the server closes first. */
    public String readText() throws IOException {
        for (Frame f = next(); f != null; f = next()) {
            if (f.opcode() == 0x1) {
                return new String(f.payload(), StandardCharsets.UTF_8);
            }
            if (f.opcode() == 0x8) {
                throw new IOException("closed with " + f.closeCode());
            }
        }
        throw new IOException("closed");
    }

    /** How long reads wait before they fail (or, in {@link #closedWithin}, report "still open"). */
    public void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
