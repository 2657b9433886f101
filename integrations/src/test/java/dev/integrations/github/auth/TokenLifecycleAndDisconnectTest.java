package dev.integrations.github.auth;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.DisconnectOptions;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.DisconnectResult.Outcome;
import dev.integrations.auth.RevocationFailedException;
import dev.integrations.auth.oauth2.DeviceAuthorization;
import dev.integrations.auth.oauth2.DeviceFlowOptions;
import dev.integrations.core.ConfigurationException;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.TransportException;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("Token lifecycle at GitHub (check, reset, delete, grant) and AuthManager.disconnect against the sandbox")
class TokenLifecycleAndDisconnectTest {
    private GithubSandbox sandbox;
    private AuthManager auth;
    private GithubTokenAdmin tokens;
    private String grantPath;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        this.auth = SandboxAuth.manager(sandbox);
        this.tokens = auth.github().tokens();
        this.grantPath = "/applications/" + GithubSandbox.DEFAULT_CLIENT_ID + "/grant";
        sandbox.deviceFlow().enable(sandbox.defaultApp());
    }

    /** A user token of the default app, obtained through the device flow without waiting. */
    private GithubUserCredentials connect(String... scopes) {
        DeviceAuthorization codes = auth.github().deviceFlow().start(o -> o.scopes(scopes));
        sandbox.deviceFlow().approve(codes.userCode());
        return auth.github().deviceFlow().poll(codes, DeviceFlowOptions.of(o -> o.sleeper(sandbox.clock()::advance)));
    }

    private boolean works(String token) {
        try (Integrations session = auth.session(s -> s.subject("probe").withCredentials("github", GithubUserCredentials.ofToken(token)))) {
            session.github().getAuthenticatedUser();
            return true;
        } catch (UnauthorizedException e) {
            return false;
        }
    }

    @Test
    void checkTellsScopesAppAndUserWithoutPrintingTheToken() {
        String token = connect("repo", "gist").accessToken();

        TokenInfo info = tokens.check(token).orElseThrow();

        assertThat(info.token()).isEqualTo(token);
        assertThat(info.scopes()).containsExactly("repo", "gist");
        assertThat(info.appClientId()).isEqualTo(GithubSandbox.DEFAULT_CLIENT_ID);
        assertThat(info.userLogin()).hasValue(GithubSandbox.DEFAULT_LOGIN);
        assertThat(info.tokenLastEight()).hasValue(token.substring(token.length() - 8));
        assertThat(info.expiresAt()).isEmpty();
        assertThat(info.toString()).doesNotContain(token).contains("repo");
        RecordedRequest request = sandbox.requests("/applications/" + GithubSandbox.DEFAULT_CLIENT_ID + "/token").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (GithubSandbox.DEFAULT_CLIENT_ID + ":" + sandbox.defaultApp().clientSecret()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.path()).doesNotContain(token);
        assertThat(request.body()).contains("\"access_token\"");
    }

    @Test
    void unknownRevokedAndPersonalTokensAreNotTheAppsToken() {
        String personal = sandbox.issueToken(sandbox.defaultUser(), "repo");
        assertThat(tokens.check("gho_" + "x".repeat(36))).isEmpty();
        assertThat(tokens.check(personal)).isEmpty();
        assertThat(tokens.deleteToken(personal)).isFalse();
        assertThat(works(personal)).isTrue();
    }

    @Test
    void resetIssuesANewTokenAndKillsTheOldOne() {
        String old = connect("repo").accessToken();

        TokenInfo fresh = tokens.reset(old);

        assertThat(fresh.token()).startsWith("gho_").isNotEqualTo(old);
        assertThat(fresh.scopes()).containsExactly("repo");
        assertThat(works(fresh.token())).isTrue();
        assertThat(works(old)).isFalse();
        assertThatThrownBy(() -> tokens.reset(old)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("connect the user again").hasMessageNotContaining(old);
        auth.storeCredentials("github", "user-1", fresh.toCredentials());
        assertThat(auth.loadCredentials("github", "user-1", GithubUserCredentials.class).orElseThrow().accessToken())
                .isEqualTo(fresh.token());
    }

    @Test
    void deleteTokenRevokesOneTokenAndDeleteGrantEveryToken() {
        String first = connect("repo").accessToken();
        String second = connect("repo").accessToken();
        String third = connect("repo").accessToken();

        assertThat(tokens.deleteToken(first)).isTrue();
        assertThat(tokens.deleteToken(first)).as("already gone").isFalse();
        assertThat(works(first)).isFalse();
        assertThat(works(second)).isTrue();

        assertThat(tokens.deleteGrant(second)).isTrue();
        assertThat(works(second)).isFalse();
        assertThat(works(third)).isFalse();
        assertThat(tokens.deleteGrant(third)).isFalse();
    }

    @Test
    void aWrongClientSecretIsReportedWithoutQuotingIt() {
        String token = connect().accessToken();
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_CLIENT_SECRET", "wrong-secret-canary-5c1e");
        AuthManager wrong = SandboxAuth.builder(sandbox).environment(env).build();

        assertThatThrownBy(() -> wrong.github().tokens().check(token))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("GITHUB_CLIENT_SECRET")
                .hasMessageNotContaining("wrong-secret-canary-5c1e")
                .hasMessageNotContaining(token);
        Map<String, String> noSecret = new HashMap<>(sandbox.environment());
        noSecret.remove("GITHUB_CLIENT_SECRET");
        assertThatThrownBy(() -> SandboxAuth.builder(sandbox).environment(noSecret).build().github().tokens().check(token))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("GITHUB_CLIENT_SECRET");
    }

    @Test
    void disconnectRevokesTheGrantThenDeletesTheRow() {
        GithubUserCredentials credentials = connect("repo");
        String otherDevice = connect("repo").accessToken();
        auth.storeCredentials("github", "user-1", credentials);

        DisconnectResult result = auth.disconnect("github", "user-1");

        assertThat(result.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(result.revokedAtProvider()).isTrue();
        assertThat(result.deletedLocally()).isTrue();
        assertThat(auth.loadCredentials("github", "user-1")).isEmpty();
        assertThat(works(credentials.accessToken())).isFalse();
        assertThat(works(otherDevice)).as("the whole grant is revoked").isFalse();
        assertThat(result.toString()).doesNotContain(credentials.accessToken());
        assertThat(auth.disconnect("github", "user-1").outcome()).isEqualTo(Outcome.NOTHING_STORED);
    }

    @Test
    void disconnectWithTokenOnlyLeavesTheUsersOtherTokens() {
        GithubUserCredentials credentials = connect("repo");
        String otherDevice = connect("repo").accessToken();
        auth.storeCredentials("github", "user-1", credentials);

        DisconnectResult result = auth.disconnect("github", "user-1", DisconnectOptions.defaults().tokenOnly());

        assertThat(result.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(works(credentials.accessToken())).isFalse();
        assertThat(works(otherDevice)).isTrue();
    }

    @Test
    void aTokenRevokedElsewhereIsAlreadyInvalidAndStillDeletedLocally() {
        GithubUserCredentials credentials = connect("repo");
        auth.storeCredentials("github", "user-1", credentials);
        sandbox.revokeToken(credentials.accessToken());

        DisconnectResult result = auth.disconnect("github", "user-1");

        assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_INVALID);
        assertThat(result.deletedLocally()).isTrue();
        assertThat(auth.loadCredentials("github", "user-1")).isEmpty();
    }

    @Test
    void whenGithubFailsTheRowIsKeptAndTheErrorSaysHowToForce() {
        GithubUserCredentials credentials = connect("repo");
        auth.storeCredentials("github", "user-1", credentials);
        sandbox.enqueueResponse(grantPath, SandboxResponse.json(503, "{\"message\":\"Service Unavailable\"}"));

        assertThatThrownBy(() -> auth.disconnect("github", "user-1"))
                .isInstanceOfSatisfying(RevocationFailedException.class, e -> {
                    assertThat(e.provider()).isEqualTo("github");
                    assertThat(e.subject()).isEqualTo("user-1");
                })
                .hasMessageContaining("DisconnectOptions.forceLocal()")
                .hasMessageContaining("kept")
                .hasMessageNotContaining(credentials.accessToken());
        assertThat(auth.loadCredentials("github", "user-1")).isPresent();
        assertThat(works(credentials.accessToken())).isTrue();

        sandbox.enqueueResponse(grantPath, SandboxResponse.connectionReset());
        assertThatThrownBy(() -> auth.disconnect("github", "user-1"))
                .isInstanceOf(RevocationFailedException.class).hasCauseInstanceOf(TransportException.class);
        assertThat(auth.loadCredentials("github", "user-1")).isPresent();

        sandbox.enqueueResponse(grantPath, SandboxResponse.json(502, "{\"message\":\"Bad Gateway\"}"));
        DisconnectResult forced = auth.disconnect("github", "user-1", DisconnectOptions.forceLocal());
        assertThat(forced.outcome()).isEqualTo(Outcome.NOT_REVOKED);
        assertThat(forced.deletedLocally()).isTrue();
        assertThat(forced.detail()).get().asString().contains("keeps working");
        assertThat(auth.loadCredentials("github", "user-1")).isEmpty();
    }

    @Test
    void aPersonalAccessTokenIsNotRevocableButIsDeletedLocally() {
        String personal = sandbox.issueToken(sandbox.defaultUser(), "repo");
        auth.storeCredentials("github", "user-1", GithubUserCredentials.ofToken(personal));

        DisconnectResult result = auth.disconnect("github", "user-1");

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_REVOCABLE);
        assertThat(result.deletedLocally()).isTrue();
        assertThat(result.detail()).get().asString().contains("github.com/settings/tokens");
        assertThat(works(personal)).isTrue();
        assertThat(sandbox.requests(grantPath)).isEmpty();
    }
}
