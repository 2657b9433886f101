package dev.integrations.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.Integrations;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.oauth2.AuthorizationStep;
import dev.integrations.auth.DeviceFlowException;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.http.UnauthorizedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations auth login}: the OAuth web flow through a loopback callback (the default),
 * or a token read from standard input. Either way the token is checked with {@code GET /user}
 * before it is stored, replacing the host's previous login.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to a GitHub host and store the token, in one of three ways:",
                "",
                "--web (default)  in the browser, back on http://127.0.0.1:<port>/callback.",
                "                 Needs an OAuth app: GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET",
                "                 (the app's callback URL: http://127.0.0.1/callback).",
                "--device         with a one-time code entered at the host's /login/device page.",
                "                 Needs GITHUB_CLIENT_ID, with the app's device flow enabled.",
                "--with-token     with a personal access token on standard input (< token.txt);",
                "                 in a terminal it is asked for and not shown.",
                ""})
final class LoginCommand implements Runnable {
    /** The most a token read from standard input may be; GitHub's tokens are far shorter. */
    private static final int MAX_TOKEN_INPUT = 16 * 1024;

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "HOST",
            description = "The GitHub host: github.com (default) or a GitHub Enterprise Server host name.")
    @Nullable String hostname;

    @ArgGroup(exclusive = true)
    @Nullable Mode mode;

    @Option(names = {"-s", "--scopes"}, split = ",", paramLabel = "SCOPE",
            description = "OAuth scopes to request (comma-separated or repeated), e.g. repo,read:org. Web and device flows.")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--no-browser", description = "Print the authorization URL without trying to open a browser.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M", converter = DurationConverter.class,
            description = "How long to wait for the browser or the code's approval (e.g. 2m, 90s, PT5M; default 5m).")
    Duration timeout = Duration.ofMinutes(5);

    static final class Mode {
        @Option(names = {"-w", "--web"}, description = "Log in through the browser (the default).")
        boolean web;

        @Option(names = "--with-token", description = "Read a token from standard input (asked for, unechoed, in a terminal).")
        boolean withToken;

        @Option(names = {"-d", "--device"}, description = "Log in with a one-time code (device flow), e.g. over SSH.")
        boolean device;
    }

    @Override
    public void run() {
        CommandSpec commandSpec = java.util.Objects.requireNonNull(spec, "spec");
        IntegrationsCommand root = IntegrationsCommand.of(commandSpec);
        PrintWriter err = commandSpec.commandLine().getErr();
        if (mode != null && mode.withToken) {
            if (!scopes.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--scopes applies to the web flow; a token's scopes were chosen when it was created.");
            }
            CliEnvironment.SecretPrompt terminal = root.environment().terminal();
            String token = terminal == null ? readToken(root.environment().stdin()) : promptToken(terminal);
            HostAuth host = root.host(hostname);
            store(host, GithubUserCredentials.ofToken(token), err, true);
            return;
        }
        HostAuth host = root.host(hostname);
        if (mode != null && mode.device) {
            if (!host.appConfigured()) {
                throw CliException.failure("The device flow needs an app: set " + HostAuth.CLIENT_ID_VARIABLE
                        + " (no secret needed; enable the device flow in the app's settings), "
                        + "or log in with a token: integrations auth login --with-token < token.txt");
            }
            store(host, deviceFlow(host, root.environment(), err), err, false);
            return;
        }
        if (!host.appConfigured()) {
            throw CliException.failure("The web flow needs an OAuth app: set " + HostAuth.CLIENT_ID_VARIABLE + " and "
                    + HostAuth.CLIENT_SECRET_VARIABLE + " (its callback URL: http://127.0.0.1/callback), "
                    + "or log in with a token: integrations auth login --with-token < token.txt");
        }
        GithubUserCredentials credentials = webFlow(host, root.environment(), err);
        store(host, credentials, err, false);
    }

    private GithubUserCredentials webFlow(HostAuth host, CliEnvironment environment, PrintWriter err) {
        CompletableFuture<URI> callback = new CompletableFuture<>();
        AtomicReference<String> expectedState = new AtomicReference<>("");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw CliException.failure("Cannot listen on 127.0.0.1 for the browser's return: " + e.getMessage());
        }
        int port = server.getAddress().getPort();
        URI redirectUri = URI.create("http://127.0.0.1:" + port + "/callback");
        server.createContext("/callback", exchange -> answerCallback(exchange, redirectUri,
                java.util.Objects.requireNonNullElse(expectedState.get(), ""), callback));
        server.start();
        try {
            AuthorizationStep step = host.auth().github().oauth2().authorize(a -> a.subject(host.host().name())
                    .scopes(scopes).redirectUri(redirectUri));
            expectedState.set(step.state());
            err.println("Open this URL in your browser to log in to " + host.host().name() + ":");
            err.println("  " + step.authorizationUrl());
            err.println("Waiting for the browser (up to " + DurationConverter.format(timeout) + ")...");
            err.flush();
            if (!noBrowser) {
                environment.browser().open(step.authorizationUrl());
            }
            URI received = await(callback, redirectUri);
            try {
                return host.auth().github().oauth2().exchange(e -> e.authorizationResponse(received)
                        .subject(host.host().name()));
            } catch (OAuthException e) {
                if ("access_denied".equals(e.error())) {
                    throw new CliException(ExitCodes.CANCELLED, "Login cancelled: access was denied on "
                            + host.host().name() + ".");
                }
                throw e;
            }
        } finally {
            server.stop(0);
        }
    }

    private GithubUserCredentials deviceFlow(HostAuth host, CliEnvironment environment, PrintWriter err) {
        String name = host.host().name();
        try {
            return host.auth().github().deviceFlow().authorize(
                    o -> o.scopes(scopes).timeout(timeout).sleeper(environment.sleeper()),
                    code -> {
                        err.println("! First copy your one-time code: " + code.userCode());
                        err.println("Then open this URL in your browser and enter the code:");
                        err.println("  " + code.verificationUri());
                        err.println("Waiting for approval (up to " + DurationConverter.format(timeout) + ")...");
                        err.flush();
                        if (!noBrowser) {
                            environment.browser().open(code.verificationUri());
                        }
                    });
        } catch (DeviceFlowException e) {
            switch (e.reason()) {
                case ACCESS_DENIED:
                    throw new CliException(ExitCodes.CANCELLED, "Login cancelled: the code was declined on " + name + ".");
                case EXPIRED_TOKEN:
                case DEADLINE_EXCEEDED:
                    throw new CliException(ExitCodes.CANCELLED, "Login timed out: the code was not approved in time."
                            + " Run the command again.");
                case CANCELLED:
                    throw new CliException(ExitCodes.CANCELLED, "Login cancelled.");
                case DEVICE_FLOW_DISABLED:
                    throw CliException.failure("The device flow is not enabled for this app on " + name
                            + ": enable \"Device Flow\" in the app's settings, or use --web.");
                default:
                    throw e;
            }
        }
    }

    private URI await(CompletableFuture<URI> callback, URI redirectUri) {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliException(ExitCodes.CANCELLED, "Login timed out after " + DurationConverter.format(timeout)
                    + ": the browser did not come back to " + redirectUri + ". Run the command again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.CANCELLED, "Login cancelled.");
        } catch (ExecutionException e) {
            throw CliException.failure("The browser's return could not be read.");
        }
    }

    /**
     * Completes the login with the first request that carries the state of this login; anything
     * else (a stray request, another tab's stale callback) is answered 400 and waited past, so it
     * cannot end the login.
     */
    private static void answerCallback(HttpExchange exchange, URI redirectUri, String expectedState,
                                       CompletableFuture<URI> callback) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String state = query.get("state");
            boolean matches = !expectedState.isEmpty() && state != null && MessageDigest.isEqual(
                    state.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8));
            if (!"GET".equals(exchange.getRequestMethod()) || !matches) {
                respond(exchange, 400, "This is not the login in progress. Return to the terminal.");
                return;
            }
            String raw = exchange.getRequestURI().getRawQuery();
            boolean denied = query.containsKey("error");
            respond(exchange, 200, denied ? "Login cancelled. You can close this tab."
                    : "Login complete. You can close this tab and return to the terminal.");
            callback.complete(URI.create(redirectUri + "?" + raw));
        }
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>integrations</title></head><body><p>"
                + message + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    /**
     * Standard input is a terminal: rather than wait silently for end of input, ask for the token
     * and read it without echo, so it is not left on the screen or in the scrollback.
     */
    static String promptToken(CliEnvironment.SecretPrompt terminal) {
        char[] typed = terminal.read("Paste your token (it will not be shown) and press Enter: ");
        if (typed == null) {
            throw new CliException(ExitCodes.CANCELLED, "Login cancelled: no token was entered.");
        }
        try {
            return checkToken(new String(typed));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    static String readToken(InputStream stdin) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            int read;
            while ((read = stdin.read(chunk)) != -1) {
                buffer.write(chunk, 0, read);
                if (buffer.size() > MAX_TOKEN_INPUT) {
                    throw new CliException(ExitCodes.USAGE, "Standard input is too long for a token (over "
                            + MAX_TOKEN_INPUT + " bytes).");
                }
            }
        } catch (IOException e) {
            throw CliException.failure("Cannot read the token from standard input: " + e.getMessage());
        }
        return checkToken(buffer.toString(StandardCharsets.UTF_8));
    }

    private static String checkToken(String input) {
        String token = input.strip();
        if (token.isEmpty()) {
            throw new CliException(ExitCodes.USAGE,
                    "No token on standard input. Pipe one in: integrations auth login --with-token < token.txt");
        }
        if (token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new CliException(ExitCodes.USAGE,
                    "Standard input must hold exactly one token, without spaces or several lines.");
        }
        return token;
    }

    /** Checks the token with {@code GET /user}, then stores it as the host's login. */
    static void store(HostAuth host, GithubUserCredentials credentials, PrintWriter err, boolean fromInput) {
        String login;
        GithubUserCredentials toStore = credentials;
        try (Integrations session = host.session(credentials)) {
            GithubResponse user = session.github().rawRequest("GET", "/user");
            login = user.body().path("login").asText("");
            if (credentials.scope() == null) {
                List<String> granted = scopesHeader(user);
                if (granted != null) {
                    toStore = credentials.toBuilder().scope(granted).build();
                }
            }
        } catch (UnauthorizedException e) {
            throw CliException.failure("Error validating the token: " + host.host().name() + " refused it ("
                    + e.getMessage() + ")." + (fromInput ? " Check that you pasted the whole token." : ""));
        }
        host.auth().storeCredentials(HostAuth.PROVIDER, host.host().name(), toStore);
        err.println("✓ Logged in to " + host.host().name() + (login.isEmpty() ? "" : " as " + login));
        err.flush();
    }

    /** {@code X-OAuth-Scopes} as a list; null when the header is absent (fine-grained tokens, GitHub App tokens). */
    static @Nullable List<String> scopesHeader(GithubResponse response) {
        return response.header("x-oauth-scopes").map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(null);
    }
}
