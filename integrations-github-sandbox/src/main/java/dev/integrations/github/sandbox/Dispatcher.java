package dev.integrations.github.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The sandbox's single HTTP handler: records the request, answers it from the fault queue if a
 * canned response waits for its path, else routes it: OAuth, {@code GET /user}, the stateful
 * resources of the {@link ResourceRouter}, then repository reads. Unknown paths get GitHub's 404 JSON.
 */
final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Far above any OAuth or /user request; stops a runaway client from filling the heap. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final RequestLog log;
    private final FaultQueue faults;
    private final AuthorizeHandler authorize;
    private final TokenHandler token;
    private final UserHandler user;
    private final RepositoriesHandler repositories;
    private final ResourceRouter resources;
    private final DeviceFlowHandler device;
    private final TokenAdminHandler tokenAdmin;

    Dispatcher(RequestLog log, FaultQueue faults, AuthorizeHandler authorize, TokenHandler token, UserHandler user,
               RepositoriesHandler repositories, ResourceRouter resources, DeviceFlowHandler device,
               TokenAdminHandler tokenAdmin) {
        this.device = device;
        this.tokenAdmin = tokenAdmin;
        this.resources = resources;
        this.log = log;
        this.faults = faults;
        this.authorize = authorize;
        this.token = token;
        this.user = user;
        this.repositories = repositories;
    }

    @Override
    public void handle(HttpExchange raw) {
        try {
            byte[] body = readBody(raw.getRequestBody());
            boolean tooLarge = body.length > MAX_BODY_BYTES;
            RecordedRequest request = new RecordedRequest(raw.getRequestMethod(), raw.getRequestURI().getRawPath(),
                    raw.getRequestURI().getRawQuery(), raw.getRequestHeaders(),
                    new String(body, 0, Math.min(body.length, MAX_BODY_BYTES), StandardCharsets.UTF_8));
            log.add(request);
            SandboxExchange exchange = new SandboxExchange(raw, request);
            try {
                if (tooLarge) {
                    exchange.sendJson(413, ApiResponses.error("Request body too large", ApiResponses.REST_DOCS, 413), Map.of());
                    return;
                }
                SandboxResponse fault = faults.poll(request.path());
                if (fault != null) {
                    answerWithFault(exchange, fault);
                    return;
                }
                route(exchange);
            } catch (RuntimeException e) {
                // Logged without the request: its headers and body may hold secrets.
                LOG.warn("Sandbox failed to handle {} {}", request.method(), request.path(), e);
                if (!exchange.hasResponded()) {
                    exchange.sendJson(500, ApiResponses.error("Server Error", ApiResponses.REST_DOCS, 500), Map.of());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Connection failed while handling a request", e);
        } finally {
            raw.close();
        }
    }

    private void route(SandboxExchange exchange) {
        switch (exchange.path()) {
            case "/login/oauth/authorize" -> authorize.handle(exchange);
            case "/login/oauth/access_token" -> token.handle(exchange);
            case "/user" -> user.handle(exchange);
            case "/login/device/code" -> device.handleCode(exchange);
            case "/login/device" -> device.handlePage(exchange);
            default -> {
                if (TokenAdminHandler.serves(exchange.path())) {
                    tokenAdmin.handle(exchange);
                    return;
                }
                if (resources.route(exchange)) {
                    return;
                }
                if (RepositoriesHandler.serves(exchange.path())) {
                    repositories.handle(exchange);
                } else {
                    ApiResponses.notFound(exchange);
                }
            }
        }
    }

    private static void answerWithFault(SandboxExchange exchange, SandboxResponse fault) {
        if (!fault.delay().isZero()) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                // The sandbox is closing; the connection goes with it.
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (fault.dropConnection()) {
            // Closing the exchange before any response header makes the JDK server drop the
            // connection: the client sees an I/O error, as with a reset.
            return;
        }
        exchange.send(fault.status(), fault.contentType(), fault.body().getBytes(StandardCharsets.UTF_8), fault.headers());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        // One byte past the limit is enough to know the body is too large.
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            // Drain the rest so the connection can answer 413. Fewer bytes than asked for means the
            // stream is at its end already; InputStream.skip would then block on some JDKs'
            // request streams (seen with GET requests that have no Content-Length).
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // discard
            }
        }
        return body;
    }
}
