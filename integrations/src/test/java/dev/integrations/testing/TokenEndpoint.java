package dev.integrations.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP token endpoint on 127.0.0.1 that behaves like GitHub's for refresh grants: each
 * refresh token works once and is rotated (a reused one gets {@code bad_refresh_token}), and each
 * answer carries a new access token valid for 8 hours. Faults are scripted per request: stall,
 * answer with a status, or run an action (break the database, rotate elsewhere) before answering.
 * Issued tokens contain "canary" so tests can assert they never reach logs or messages.
 */
public final class TokenEndpoint implements AutoCloseable {
    /** What to do with one request before (or instead of) the normal answer. */
    @FunctionalInterface
    public interface Fault {
        /** Returns the HTTP status to answer with instead of a token, or 0 to answer normally. */
        int apply() throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final Set<String> usedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final List<String> presentedRefreshTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private TokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/login/oauth/access_token", this::handle);
        server.start();
    }

    /** Starts an endpoint on a free port. */
    public static TokenEndpoint start() {
        try {
            return new TokenEndpoint();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment of an app whose token URL is this endpoint, with a generous 30 s HTTP timeout. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/login/oauth/access_token");
        env.put("GITHUB_AUTHORIZATION_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/login/oauth/authorize");
        env.put("GITHUB_CLIENT_ID", "Iv1.faults");
        env.put("GITHUB_CLIENT_SECRET", "faults-secret");
        env.put("GITHUB_REDIRECT_URI", "http://127.0.0.1:8765/callback");
        env.put("GITHUB_TIMEOUT", "30s");
        return env;
    }

    /** Scripts the next request: {@code fault} runs first; a non-zero result is answered as that status. */
    public TokenEndpoint next(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** Scripts the next request to be answered with {@code status} and a small HTML body. */
    public TokenEndpoint nextStatus(int status) {
        return next(() -> status);
    }

    /**
     * Scripts the next request to stall: no answer until {@code release} opens (or {@code max}
     * passes, or the endpoint closes), then a 503. {@code arrived} opens when the request is in.
     */
    public TokenEndpoint nextStall(CountDownLatch arrived, CountDownLatch release, Duration max) {
        return next(() -> {
            arrived.countDown();
            long deadline = System.nanoTime() + max.toNanos();
            while (release.getCount() > 0 && closed.getCount() > 0 && System.nanoTime() < deadline) {
                release.await(20, TimeUnit.MILLISECONDS);
            }
            return 503;
        });
    }

    /** Marks {@code refreshToken} as used, as if another instance had refreshed with it. */
    public void consume(String refreshToken) {
        usedRefreshTokens.add(refreshToken);
    }

    /** The refresh tokens presented so far, in order. */
    public List<String> presentedRefreshTokens() {
        return List.copyOf(presentedRefreshTokens);
    }

    /** A fresh token pair as the endpoint would issue it (counted as issued; its refresh token is live). */
    public Map<String, Object> issue() {
        int n = issued.incrementAndGet();
        return Map.of("access_token", "gho_canaryAccess" + n, "refresh_token", "ghr_canaryRefresh" + n,
                "token_type", "bearer", "scope", "", "expires_in", 28_800, "refresh_token_expires_in", 15_811_200);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String refreshToken = form.get("refresh_token");
            if (refreshToken != null) {
                presentedRefreshTokens.add(refreshToken);
            }
            Fault fault = faults.poll();
            int status = 0;
            if (fault != null) {
                try {
                    status = fault.apply();
                } catch (Exception e) {
                    status = 500;
                }
            }
            if (status != 0) {
                send(exchange, status, "text/html", "<html>unavailable</html>");
                return;
            }
            if (refreshToken == null || !usedRefreshTokens.add(refreshToken)) {
                send(exchange, 200, "application/json", "{\"error\":\"bad_refresh_token\",\"error_description\":"
                        + "\"The refresh token passed is incorrect or expired.\"}");
                return;
            }
            Map<String, Object> token = issue();
            StringBuilder json = new StringBuilder("{");
            token.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(v instanceof String ? "\"" + v + "\"" : v));
            send(exchange, 200, "application/json", json.append('}').toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
