package dev.integrations.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A raw-socket HTTP/1.1 server that misbehaves on purpose: it answers with headers and then
 * stalls, or trickles its body one byte at a time forever. {@code com.sun.net.httpserver} cannot
 * do this (it buffers and frames bodies itself), hence the raw socket.
 */
public final class MisbehavingServer implements AutoCloseable {
    /** How the server answers every request. */
    public enum Mode {
        /** Status line and headers (announcing a body), then nothing. */
        HEADERS_THEN_STALL,
        /** Headers and half of the announced body, then nothing. */
        PARTIAL_BODY_THEN_STALL,
        /** Headers, then one byte every 100 ms, forever. */
        TRICKLE
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final CountDownLatch peerClosed = new CountDownLatch(1);
    private final Thread acceptor;

    private MisbehavingServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.acceptor = new Thread(this::acceptLoop, "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server on a free loopback port. */
    public static MisbehavingServer start(Mode mode) throws IOException {
        return new MisbehavingServer(mode);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The request line and headers of every request received, in order. */
    public List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    /** Counts down when a client closed a connection the server was still writing to. */
    public CountDownLatch peerClosed() {
        return peerClosed;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread handler = new Thread(() -> handle(connection), "misbehaving-connection");
                handler.setDaemon(true);
                handlers.add(handler);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            requestHeads.add(readHead(connection.getInputStream()));
            OutputStream out = connection.getOutputStream();
            String body = "{\"login\":\"octocat\",\"access_token\":\"gho_x\",\"token_type\":\"bearer\"}";
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (body.length() * 100)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            switch (mode) {
                case HEADERS_THEN_STALL -> stall();
                case PARTIAL_BODY_THEN_STALL -> {
                    out.write(body.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    stall();
                }
                case TRICKLE -> {
                    while (true) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                }
            }
        } catch (IOException e) {
            peerClosed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stall() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Reads a request's head (request line and headers) up to the blank line that ends it.
     *
     * @param in the connection's input
     * @return the head, as ISO-8859-1 text
     * @throws IOException when reading fails
     */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
        // Stalling handlers sleep rather than block on the socket; wake them so they end.
        handlers.forEach(Thread::interrupt);
    }
}
