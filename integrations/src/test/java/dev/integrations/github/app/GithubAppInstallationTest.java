package dev.integrations.github.app;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.core.ConfigurationException;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.github.sandbox.SandboxGithubApp;
import dev.integrations.github.sandbox.SandboxInstallation;
import dev.integrations.github.sandbox.SandboxOrganization;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.http.ForbiddenException;
import dev.integrations.http.NotFoundException;
import dev.integrations.http.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, GitHub Apps, end to end against the sandbox: app JWT calls, installation sessions,
 * single flight, renewal, narrowing and the failure paths.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("issue 10: GitHub App installations")
class GithubAppInstallationTest {
    private static final String SPOON = "/repos/octocat/Spoon-Knife";

    private static SandboxGithubApp register(GithubSandbox sandbox) {
        return sandbox.registerGithubApp("issue-bot", TestKeys.publicKey("app-pkcs8.pem"));
    }

    private static SandboxInstallation installOnOctocat(GithubSandbox sandbox, SandboxGithubApp app) {
        return sandbox.installGithubApp(app, sandbox.defaultUser(), Map.of("issues", "write", "contents", "read",
                "metadata", "read"));
    }

    private static AuthManager auth(GithubSandbox sandbox, SandboxGithubApp app, Clock clock) {
        return AuthManager.builder().environment(sandbox.environment()).clock(clock)
                .githubApp(a -> a.appId(app.id()).privateKeyPath(TestKeys.path("app-pkcs1.pem"))).build();
    }

    private static List<String> tokensSentTo(GithubSandbox sandbox, String path) {
        List<String> tokens = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests(path)) {
            tokens.add(r.headers().get("authorization").get(0).replaceFirst("^\\S+ ", ""));
        }
        return tokens;
    }

    @Test
    void anInstallationSessionActsAsTheInstallation(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        AuthManager auth = auth(sandbox, app, sandbox.clock());

        try (Integrations integrations = auth.installation(installation.id())) {
            GithubResponse repo = integrations.github().rawRequest("GET", SPOON);
            GithubResponse issue = integrations.github().rawRequest("POST", SPOON + "/issues", Map.of("title", "From the app"));

            assertThat(repo.status()).isEqualTo(200);
            assertThat(issue.status()).isEqualTo(201);
            assertThat(issue.body().path("title").asText()).isEqualTo("From the app");
        }
        assertThat(tokensSentTo(sandbox, SPOON)).singleElement().asString().startsWith("ghs_");
        assertThat(sandbox.requests("/app/installations/" + installation.id() + "/access_tokens")).hasSize(1);
        assertThat(auth.credentialStore().toString()).isNotNull();
    }

    @Test
    void appLevelCallsActWithTheJwt(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation onUser = installOnOctocat(sandbox, app);
        SandboxOrganization org = sandbox.createOrganization("acme");
        SandboxInstallation onOrg = sandbox.installGithubApp(app, sandbox.account(org), Map.of("issues", "read"));
        GithubAppClient client = auth(sandbox, app, sandbox.clock()).githubApp();

        GithubAppInfo info = client.getApp();
        List<Installation> installations = client.listInstallations();

        assertThat(info.id()).isEqualTo(app.id());
        assertThat(info.slug()).isEqualTo("issue-bot");
        assertThat(info.clientId()).isEqualTo(app.clientId());
        assertThat(installations).extracting(Installation::id).containsExactly(onUser.id(), onOrg.id());
        assertThat(client.getInstallation(onOrg.id()).targetType()).isEqualTo("Organization");
        assertThat(client.getRepositoryInstallation("octocat", "Spoon-Knife").id()).isEqualTo(onUser.id());
        assertThat(client.getOrganizationInstallation("acme").id()).isEqualTo(onOrg.id());
        assertThat(client.getUserInstallation("octocat").id()).isEqualTo(onUser.id());
        assertThat(client.getUserInstallation("octocat").permissions()).containsEntry("issues", "write");
        String authorization = sandbox.requests("/app").get(0).headers().get("authorization").get(0);
        assertThat(authorization).startsWith("Bearer ").matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void theClientIdWorksAsTheJwtIssuerToo(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        AuthManager auth = AuthManager.builder().environment(sandbox.environment()).clock(sandbox.clock())
                .githubApp(a -> a.clientId(app.clientId()).privateKeyPem(TestKeys.pem("app-pkcs8.pem"))).build();

        assertThat(auth.githubApp().getApp().id()).isEqualTo(app.id());
    }

    @Test
    void lookupsByRepositoryAndOwnerOpenTheRightInstallation(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation onUser = installOnOctocat(sandbox, app);
        SandboxOrganization org = sandbox.createOrganization("acme");
        SandboxInstallation onOrg = sandbox.installGithubApp(app, sandbox.account(org), Map.of("issues", "write"));
        AuthManager auth = auth(sandbox, app, sandbox.clock());

        try (Integrations byRepo = auth.installationForRepository("octocat", "Spoon-Knife");
             Integrations byOrg = auth.installationForOwner("acme");
             Integrations byUser = auth.installationForOwner("octocat")) {
            assertThat(byRepo.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
            assertThat(byOrg.github().rawRequest("POST", "/repos/acme/Spoon-Knife/issues", Map.of("title", "t")).status())
                    .isEqualTo(201);
            assertThat(byUser.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
        }
        assertThat(sandbox.installationTokensIssued(onUser)).isEqualTo(1);
        assertThat(sandbox.installationTokensIssued(onOrg)).isEqualTo(1);
        SandboxRepository elsewhere = sandbox.createRepository(sandbox.registerUser("mona"), "elsewhere");
        assertThatThrownBy(() -> auth.installationForRepository("mona", elsewhere.name()))
                .isInstanceOf(InstallationNotFoundException.class).hasMessageContaining("mona/elsewhere");
        assertThatThrownBy(() -> auth.installationForOwner("mona"))
                .isInstanceOf(InstallationNotFoundException.class).hasMessageContaining("mona");
    }

    @Test
    void concurrentSessionsOfOneInstallationCauseExactlyOneTokenRequest(GithubSandbox sandbox) throws Exception {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        AuthManager auth = auth(sandbox, app, sandbox.clock());
        int sessions = 32;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (Integrations integrations = auth.installation(installation.id())) {
                        return integrations.github().rawRequest("GET", SPOON).status();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sandbox.installationTokensIssued(installation)).isEqualTo(1);
        assertThat(sandbox.requests("/app/installations/" + installation.id() + "/access_tokens")).hasSize(1);
        assertThat(tokensSentTo(sandbox, SPOON)).hasSize(sessions).containsOnly(tokensSentTo(sandbox, SPOON).get(0));
    }

    @Test
    void aTokenIsRenewedWithinTheMarginBeforeItExpires(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        SandboxClock clock = sandbox.clock();
        AuthManager auth = auth(sandbox, app, clock);

        try (Integrations integrations = auth.installation(installation.id())) {
            integrations.github().rawRequest("GET", SPOON);
            clock.advance(Duration.ofMinutes(54));                 // 6 minutes left: kept
            integrations.github().rawRequest("GET", SPOON);
            assertThat(sandbox.installationTokensIssued(installation)).isEqualTo(1);
            clock.advance(Duration.ofMinutes(2));                  // 4 minutes left: renewed
            integrations.github().rawRequest("GET", SPOON);
        }

        assertThat(sandbox.installationTokensIssued(installation)).isEqualTo(2);
        List<String> sent = tokensSentTo(sandbox, SPOON);
        assertThat(sent.get(0)).isEqualTo(sent.get(1)).isNotEqualTo(sent.get(2));
    }

    @Test
    void aTokenIsNeverSentAtOrAfterItsExpiryByTheClientsClock(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        // The client's clock is its own, as in production; both start together.
        SandboxClock client = new SandboxClock();
        client.set(sandbox.clock().instant());
        AuthManager auth = AuthManager.builder().environment(sandbox.environment()).clock(client)
                .githubApp(a -> a.appId(app.id()).privateKeyPath(TestKeys.path("app-pkcs1.pem"))
                        .tokenRefreshMargin(Duration.ofSeconds(1)))
                .build();

        try (Integrations integrations = auth.installation(installation.id())) {
            integrations.github().rawRequest("GET", SPOON);
            client.advance(Duration.ofHours(1));                   // exactly expires_at on the client's clock
            sandbox.clock().advance(Duration.ofHours(1));
            assertThat(integrations.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
        }

        List<String> sent = tokensSentTo(sandbox, SPOON);
        assertThat(sent).hasSize(2).doesNotHaveDuplicates();
        assertThat(sandbox.installationTokensIssued(installation)).isEqualTo(2);
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheCallRetried(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        AuthManager auth = auth(sandbox, app, sandbox.clock());

        try (Integrations integrations = auth.installation(installation.id())) {
            integrations.github().rawRequest("GET", SPOON);
            sandbox.revokeToken(tokensSentTo(sandbox, SPOON).get(0));

            assertThat(integrations.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
        }
        assertThat(sandbox.installationTokensIssued(installation)).isEqualTo(2);
        List<String> sent = tokensSentTo(sandbox, SPOON);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        assertThat(sent.get(2)).isNotEqualTo(sent.get(0));
    }

    @Test
    void aNarrowedTokenReachesOnlyItsRepositoriesAndPermissions(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        AuthManager auth = auth(sandbox, app, sandbox.clock());

        try (Integrations narrowed = auth.installation(i -> i.installationId(installation.id()).repositories("Spoon-Knife")
                .permission("issues", "read"))) {
            assertThat(narrowed.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
            assertThatThrownBy(() -> narrowed.github().rawRequest("GET", "/repos/octocat/Hello-World"))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> narrowed.github().rawRequest("POST", SPOON + "/issues", Map.of("title", "t")))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.apiMessage())
                            .hasValue("Resource not accessible by integration"));
        }
        try (Integrations full = auth.installation(installation.id())) {
            assertThat(full.github().rawRequest("GET", "/repos/octocat/Hello-World").status()).isEqualTo(200);
        }
        assertThat(sandbox.installationTokensIssued(installation)).isEqualTo(2);
        RecordedRequest tokenRequest = sandbox.requests("/app/installations/" + installation.id() + "/access_tokens").get(0);
        assertThat(tokenRequest.body()).contains("\"repositories\":[\"Spoon-Knife\"]").contains("\"issues\":\"read\"");
    }

    @Test
    void aPermissionTheInstallationLacksIsRefusedWithTheNeededPermission(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = sandbox.installGithubApp(app, sandbox.defaultUser(), Map.of("contents", "read"));
        AuthManager auth = auth(sandbox, app, sandbox.clock());

        try (Integrations integrations = auth.installation(installation.id())) {
            assertThatThrownBy(() -> integrations.github().rawRequest("POST", SPOON + "/issues", Map.of("title", "t")))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("403");
            assertThatThrownBy(() -> integrations.github().getAuthenticatedUser()).isInstanceOf(ForbiddenException.class);
        }
        assertThat(sandbox.requests(SPOON + "/issues")).hasSize(1);
    }

    @Test
    void narrowingBeyondTheInstallationIsRefused(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        GithubAppClient client = auth(sandbox, app, sandbox.clock()).githubApp();
        sandbox.createRepository(sandbox.registerUser("mona"), "theirs");

        assertThatThrownBy(() -> client.createInstallationToken(r -> r.installationId(installation.id())
                .permission("administration", "write")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.apiMessage())
                        .hasValue("The permissions requested are not granted to this installation."));
        assertThatThrownBy(() -> client.createInstallationToken(r -> r.installationId(installation.id())
                .permission("issues", "admin"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.createInstallationToken(r -> r.installationId(installation.id())
                .repositories("theirs"))).isInstanceOf(ValidationException.class);
        InstallationToken ok = client.createInstallationToken(r -> r.installationId(installation.id())
                .repositories("Spoon-Knife").permission("issues", "read"));
        assertThat(ok.repositorySelection()).isEqualTo("selected");
        assertThat(ok.repositories()).containsExactly("octocat/Spoon-Knife");
        assertThat(ok.permissions()).containsExactly(Map.entry("issues", "read"));
        assertThat(ok.expiresAt()).isCloseTo(sandbox.clock().instant().plus(Duration.ofHours(1)),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void anUnknownInstallationIsATypedError(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        AuthManager auth = auth(sandbox, app, sandbox.clock());

        assertThatThrownBy(() -> auth.githubApp().getInstallation(424242)).isInstanceOf(InstallationNotFoundException.class)
                .hasMessageContaining("424242");
        try (Integrations integrations = auth.installation(424242)) {
            assertThatThrownBy(() -> integrations.github().rawRequest("GET", SPOON))
                    .isInstanceOf(InstallationNotFoundException.class).hasMessageContaining("424242");
        }
    }

    @Test
    void aKeyOfAnotherAppIsRefusedWithAdviceAboutTheAppIdAndKey(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        AuthManager auth = AuthManager.builder().environment(sandbox.environment()).clock(sandbox.clock())
                .githubApp(a -> a.appId(app.id()).privateKeyPath(TestKeys.path("other-pkcs8.pem"))).build();

        assertThatThrownBy(() -> auth.githubApp().getApp()).isInstanceOf(GithubAppAuthenticationException.class)
                .hasMessageContaining("A JSON web token could not be decoded")
                .hasMessageContaining("GITHUB_APP_ID (" + app.id() + ")")
                .hasMessageContaining("fingerprint");
    }

    @Test
    void aWrongAppIdIsRefused(GithubSandbox sandbox) {
        register(sandbox);
        AuthManager auth = AuthManager.builder().environment(sandbox.environment()).clock(sandbox.clock())
                .githubApp(a -> a.appId(99_999).privateKeyPath(TestKeys.path("app-pkcs1.pem"))).build();

        assertThatThrownBy(() -> auth.githubApp().listInstallations()).isInstanceOf(GithubAppAuthenticationException.class)
                .hasMessageContaining("99999");
    }

    @Test
    void aClientClockFarAheadIsReportedAsClockSkew(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxClock ahead = new SandboxClock();
        ahead.set(sandbox.clock().instant().plus(Duration.ofMinutes(20)));

        AuthManager auth = auth(sandbox, app, ahead);

        assertThatThrownBy(() -> auth.githubApp().getApp()).isInstanceOf(GithubAppAuthenticationException.class)
                .hasMessageContaining("'Issued at' claim").hasMessageContaining("clock");
    }

    @Test
    void theJwtIsReusedAndRenewedAMinuteBeforeItsTenMinuteLimit(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        GithubAppClient client = auth(sandbox, app, sandbox.clock()).githubApp();

        client.getApp();
        sandbox.clock().advance(Duration.ofMinutes(7));
        client.getApp();
        sandbox.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        client.getApp();

        List<String> sent = tokensSentTo(sandbox, "/app");
        assertThat(sent.get(0)).isEqualTo(sent.get(1)).isNotEqualTo(sent.get(2));
    }

    @Test
    void noAppConfiguredSaysWhatToSet(GithubSandbox sandbox) {
        AuthManager auth = AuthManager.builder().environment(sandbox.environment()).build();

        assertThatThrownBy(auth::githubApp).isInstanceOf(ConfigurationException.class).hasMessageContaining("GITHUB_APP_ID");
        assertThatThrownBy(() -> auth.installation(1)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theEnvironmentConfiguresTheAppAndCodeWinsOverIt(GithubSandbox sandbox) {
        SandboxGithubApp app = register(sandbox);
        SandboxInstallation installation = installOnOctocat(sandbox, app);
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_APP_ID", Long.toString(app.id()));
        env.put("GITHUB_APP_PRIVATE_KEY", TestKeys.pem("app-pkcs1.pem").replace("\n", "\\n"));
        AuthManager fromEnv = AuthManager.builder().environment(env).clock(sandbox.clock()).build();
        env.put("GITHUB_APP_ID", "99999");
        AuthManager codeWins = AuthManager.builder().environment(env).clock(sandbox.clock())
                .githubApp(a -> a.appId(app.id())).build();

        try (Integrations a = fromEnv.installation(installation.id()); Integrations b = codeWins.installation(installation.id())) {
            assertThat(a.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
            assertThat(b.github().rawRequest("GET", SPOON).status()).isEqualTo(200);
        }
    }

    @Test
    void aBrokenKeyInTheEnvironmentFailsAtBuildNamingTheVariable(GithubSandbox sandbox) {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_APP_ID", "1");
        env.put("GITHUB_APP_PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----");

        assertThatThrownBy(() -> AuthManager.builder().environment(env).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GITHUB_APP_PRIVATE_KEY").hasMessageContaining("first line");
        env.remove("GITHUB_APP_PRIVATE_KEY");
        env.put("GITHUB_APP_PRIVATE_KEY_PATH", "/nonexistent/app.pem");
        assertThatThrownBy(() -> AuthManager.builder().environment(env).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GITHUB_APP_PRIVATE_KEY_PATH").hasMessageContaining("/nonexistent/app.pem");
        env.remove("GITHUB_APP_PRIVATE_KEY_PATH");
        assertThatThrownBy(() -> AuthManager.builder().environment(env).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no private key");
    }
}
