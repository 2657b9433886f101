package dev.integrations;

import dev.integrations.github.client.GithubClients;
import dev.integrations.core.ConfigurationException;
import dev.integrations.core.IntegrationsException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.AuthManager;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.TokenSource;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A token or scheme with a character a header cannot hold used to surface as the JDK's
 * {@code invalid header value: "Bearer ghp_..."}, token included. Plants canary tokens with the
 * usual accidents and checks the typed exception names the setting and the position, and that
 * no message, cause, {@code toString()} or log line carries the token.
 */
@DisplayName("defect 9: tokens with characters illegal in headers never leak")
class HeaderSafetyTest {
    private static final String CANARY = "ghp_CANARYheader9999999999999999999999";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger sdkLogger = (Logger) LoggerFactory.getLogger("dev.integrations");
    private Level previousLevel;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        previousLevel = sdkLogger.getLevel();
        sdkLogger.setLevel(Level.TRACE);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        sdkLogger.setLevel(previousLevel);
    }

    static Stream<Arguments> accidents() {
        return Stream.of(
                Arguments.of("byte-order mark from a token file", "\uFEFF" + CANARY, "U+FEFF, a byte-order mark) at position 1"),
                Arguments.of("pasted zero-width space", CANARY.substring(0, 10) + "\u200B" + CANARY.substring(10),
                        "U+200B, a zero-width space) at position 11"),
                Arguments.of("CR/LF inside the value", CANARY.substring(0, 5) + "\r\nX-Injected: 1" + CANARY.substring(5),
                        "U+000D, a carriage return) at position 6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accidents")
    @DisplayName("defect 9: a malformed token in GitHub settings is a ConfigurationException naming the setting, not the token")
    void defect9_malformedSettingsTokenIsRefusedWithoutQuotingIt(String accident, String token, String where) {
        assertLeakFree(() -> GithubSettings.fromMap(Map.of("token", token)), ConfigurationException.class,
                "GitHub token", where);
        assertLeakFree(() -> GithubSettings.fromEnvironment(Map.of("GITHUB_TOKEN", token)), ConfigurationException.class,
                "GITHUB_TOKEN", where);
        assertLeakFree(() -> GithubSettings.builder().token(token).build(), ConfigurationException.class, "GitHub token", where);
        assertLeakFree(() -> GithubSettings.fromMap(Map.of("token", "ghp_fine", "authorization_scheme", "Bearer " + token)),
                ConfigurationException.class, "authorization_scheme", "a space");
        assertLeakFree(() -> GithubAppCredentials.builder().token(token).build(), ConfigurationException.class,
                "GitHub token", where);
        assertLeakFree(() -> AuthManager.builder().environment(Map.of("GITHUB_TOKEN", token)).build(),
                ConfigurationException.class, "GITHUB_TOKEN", where);
        assertThat(requests).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accidents")
    @DisplayName("defect 9: a user's access token or token_type that a header cannot hold is an InvalidCredentialsException")
    void defect9_malformedUserCredentialsAreRefusedWithoutQuotingThem(String accident, String token, String where) {
        AuthManager auth = AuthManager.builder().environment(Map.of()).sessionSettings("github", Map.of("base_url", base))
                .build();
        GithubUserCredentials badToken = GithubUserCredentials.builder().accessToken(token).tokenType("bearer").build();
        GithubUserCredentials badType = GithubUserCredentials.builder().accessToken(CANARY).tokenType("bearer\r\n" + CANARY)
                .build();

        assertLeakFree(() -> auth.session(s -> s.subject("user-9").withCredentials("github", badToken)).github(),
                InvalidCredentialsException.class, "access token of the GitHub credentials for subject 'user-9'", where);
        assertLeakFree(() -> auth.session(s -> s.subject("user-9").withCredentials("github", badType)).github(),
                InvalidCredentialsException.class, "token_type", "a carriage return");
        assertThat(badToken.toString()).doesNotContain(CANARY);
        assertThat(requests).hasValue(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accidents")
    @DisplayName("defect 9: a refreshed token a header cannot hold is refused before sending, without quoting it")
    void defect9_malformedRefreshedTokenIsRefusedBeforeSending(String accident, String token, String where) {
        TokenSource source = new TokenSource() {
            @Override
            public String currentToken() {
                return token;
            }

            @Override
            public String refreshAfterUnauthorized(String rejectedToken) {
                return null;
            }
        };
        GithubClient github = GithubClients.create(GithubSettings.fromMap(Map.of("base_url", base, "token", "ghp_ok",
                "max_retries", 0)), HttpTransport.create(), source);

        assertLeakFree(github::getAuthenticatedUser, InvalidCredentialsException.class, "GitHub access token", where);
        assertThat(requests).hasValue(0);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("defect 9: a token endpoint client with a user agent a header cannot hold is refused when built")
    void defect9_oauthClientUserAgentIsChecked() {
        assertLeakFree(() -> new dev.integrations.internal.oauth2.OAuth2Client("github", "GitHub", "Iv1.x", "secret",
                        java.net.URI.create("https://github.com/login/oauth/authorize"),
                        java.net.URI.create("https://github.com/login/oauth/access_token"), null, List.of(),
                        "agent\r\nX-Injected: " + CANARY, false, null, "GITHUB_CLIENT_ID", java.time.Duration.ofSeconds(5)),
                ConfigurationException.class, "GitHub user agent", "a carriage return");
    }

    private void assertLeakFree(Supplier<?> action, Class<? extends IntegrationsException> type, String... expected) {
        Throwable thrown = catchThrowable(action::get);
        assertThat(thrown).isInstanceOf(type);
        assertThat(thrown.getMessage()).contains(expected);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(CANARY).doesNotContain("CANARY");
            assertThat(t.toString()).doesNotContain("CANARY");
        }
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).noneMatch(line -> line.contains("CANARY"));
    }
}
