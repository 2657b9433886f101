package dev.integrations.http;

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
 * A raw-socket HTTP/1.1 peer that plays a script after each request head and then keeps the
 * connection open without a word, watching for the client to close it. Unlike
 * {@code MisbehavingServer}, it notices a close in every phase (also while silent, when nothing
 * is written that could fail), so a test can tell an abandoned connection from one left open.
 */
final class StallingPeer implements AutoCloseable {
    /** What the peer writes after reading a request head; the connection then stays open and silent. */
    @FunctionalInterface
    interface Script {
        void play(OutputStream out) throws IOException, InterruptedException;
    }

    /** Where a peer goes silent: the scripts the contract tests run against each phase. */
    enum Silence implements Script {
        /** Reads the request and never answers. */
        BEFORE_HEADERS {
            @Override
            public void play(OutputStream out) {
            }
        },
        /** Status line and headers announcing a 1000-byte body, then nothing. */
        AFTER_HEADERS {
            @Override
            public void play(OutputStream out) throws IOException {
                headers(out, 1000);
            }
        },
        /** Headers and 10 of the 1000 announced bytes, then nothing. */
        MID_BODY {
            @Override
            public void play(OutputStream out) throws IOException {
                headers(out, 1000);
                out.write("{\"login\":\"".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        },
        /** A chunked body (no declared length): headers and one 10-byte chunk, then nothing. */
        MID_CHUNKED_BODY {
            @Override
            public void play(OutputStream out) throws IOException {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "a\r\n{\"login\":\"\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch requestReceived = new CountDownLatch(1);
    private final CountDownLatch clientClosed = new CountDownLatch(1);

    private StallingPeer(Script script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::acceptLoop, "stalling-peer");
    }

    static StallingPeer start(Script script) throws IOException {
        return new StallingPeer(script);
    }

    /** Writes a 200 status line and headers announcing a body of {@code contentLength} bytes. */
    static void headers(OutputStream out, int contentLength) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes one byte of body every {@code everyMillis}, until the client goes away. */
    static void trickle(OutputStream out, long everyMillis) throws IOException, InterruptedException {
        while (true) {
            out.write(' ');
            out.flush();
            Thread.sleep(everyMillis);
        }
    }

    /** {@code http://127.0.0.1:PORT/user}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/user");
    }

    /** Counts down when the first request head has been read: the exchange is under way. */
    CountDownLatch requestReceived() {
        return requestReceived;
    }

    /** Counts down when a client closed (or reset) a connection the peer was holding open. */
    CountDownLatch clientClosed() {
        return clientClosed;
    }

    /** How many connections clients opened. */
    int connections() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                start(() -> serve(connection), "stalling-peer-connection");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            dev.integrations.testing.MisbehavingServer.readHead(in);
            requestReceived.countDown();
            Thread player = start(() -> {
                try {
                    script.play(connection.getOutputStream());
                } catch (IOException | InterruptedException e) {
                    // The client went away mid-script, or the peer is closing: the reader below notices.
                }
            }, "stalling-peer-script");
            // The client sends nothing after its request (no pipelining), so a read returns only
            // when it closes (-1) or resets (an exception) the connection.
            try {
                while (in.read() >= 0) {
                    // Discard: nothing is expected.
                }
            } catch (IOException reset) {
                // Reset by the client: closed as well.
            }
            if (!socket.isClosed()) {
                clientClosed.countDown();
            }
            player.interrupt();
        } catch (IOException e) {
            // The peer itself is closing.
        }
    }

    private Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.forEach(Thread::interrupt);
    }
}
