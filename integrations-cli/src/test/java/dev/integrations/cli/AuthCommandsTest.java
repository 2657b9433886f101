package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** status, token, refresh and logout against the sandbox. */
@ExtendWith(GithubSandboxExtension.class)
class AuthCommandsTest {
    @TempDir
    Path temp;

    @Test
    void statusWithoutAnyLoginSaysHowToLogInAndExits1(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("auth", "status");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("You are not logged in to any GitHub host").contains("integrations auth login");
    }

    @Test
    void statusShowsHostAccountScopesExpiryAndStatusOfEveryStoredLogin(GithubSandbox sandbox) {
        CliHarness cli = loggedIn(sandbox, "repo", "user");
        CliHarness.Result result = cli.run("auth", "status").succeeds();
        assertThat(CliHarness.lines(result.out())).hasSize(2);
        assertThat(result.out()).startsWith("HOST").contains("ACCOUNT").contains("SCOPES").contains("EXPIRES")
                .contains("STATUS");
        assertThat(CliHarness.lines(result.out()).get(1)).matches(
                AuthLoginTest.host(sandbox).replace(".", "\\.") + " +octocat +repo,user +never +logged in");
    }

    @Test
    void statusReportsARevokedTokenAndExits1(GithubSandbox sandbox) {
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        CliHarness cli = new CliHarness(sandbox, temp);
        cli.runWithInput(token, "auth", "login", "--with-token").succeeds();
        sandbox.revokeToken(token);

        CliHarness.Result result = cli.run("auth", "status");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("token refused");
        assertThat(result.err()).contains("needs attention");
    }

    @Test
    void statusForAnotherHostOnlyIsNotLoggedIn(GithubSandbox sandbox) {
        CliHarness cli = loggedIn(sandbox, "repo");
        CliHarness.Result result = cli.run("auth", "status", "--hostname", "ghe.example.com");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not logged in to ghe.example.com");
    }

    @Test
    void tokenPrintsTheStoredTokenAndNothingElse(GithubSandbox sandbox) {
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        CliHarness cli = new CliHarness(sandbox, temp);
        cli.runWithInput(token, "auth", "login", "--with-token").succeeds();

        CliHarness.Result result = cli.run("auth", "token").succeeds();
        assertThat(result.out()).isEqualTo(token + System.lineSeparator());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void tokenWhenNotLoggedInExits4(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("auth", "token");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("not logged in");
    }

    @Test
    void refreshExchangesTheRefreshTokenOfAnExpiringLoginForANewToken(GithubSandbox sandbox) throws Exception {
        SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.cli-expiring", "expiring-secret",
                GithubSandbox.DEFAULT_CALLBACK_URL, true));
        CliHarness cli = new CliHarness(sandbox, temp).set("GITHUB_CLIENT_ID", app.clientId())
                .set("GITHUB_CLIENT_SECRET", app.clientSecret());
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        SandboxBrowser.approveAndFollow(login.printedUrl());
        login.finish().succeeds();
        String before = cli.run("auth", "token").succeeds().out().strip();
        assertThat(before).startsWith("ghu_");

        CliHarness.Result result = cli.run("auth", "refresh").succeeds();

        assertThat(result.err()).contains("✓ Refreshed the token for " + AuthLoginTest.host(sandbox)).contains("expires 20");
        String after = cli.run("auth", "token").succeeds().out().strip();
        assertThat(after).startsWith("ghu_").isNotEqualTo(before);
        assertThat(cli.run("api", "user").succeeds().out()).contains("\"login\" : \"octocat\"");
    }

    @Test
    void anApiCallWithAnExpiredTokenRefreshesItAndStoresTheNewOne(GithubSandbox sandbox) throws Exception {
        SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.cli-expiring", "expiring-secret",
                GithubSandbox.DEFAULT_CALLBACK_URL, true));
        CliHarness cli = new CliHarness(sandbox, temp).set("GITHUB_CLIENT_ID", app.clientId())
                .set("GITHUB_CLIENT_SECRET", app.clientSecret());
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        SandboxBrowser.approveAndFollow(login.printedUrl());
        login.finish().succeeds();
        String before = cli.run("auth", "token").succeeds().out().strip();
        assertThat(cli.run("auth", "status").succeeds().out()).doesNotContain("never");

        sandbox.clock().advance(Duration.ofHours(9));
        assertThat(cli.run("api", "user").succeeds().out()).as("the session refreshes on 401").contains("octocat");
        assertThat(cli.run("auth", "token").succeeds().out().strip()).isNotEqualTo(before);
    }

    @Test
    void refreshOfATokenThatDoesNotExpireSaysThereIsNothingToRefresh(GithubSandbox sandbox) {
        CliHarness cli = loggedIn(sandbox, "repo");
        CliHarness.Result result = cli.run("auth", "refresh");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("does not expire").contains("nothing to refresh");
    }

    @Test
    void refreshWhenNotLoggedInExits4(GithubSandbox sandbox) {
        assertThat(new CliHarness(sandbox, temp).run("auth", "refresh").exitCode()).isEqualTo(4);
    }

    @Test
    void logoutRemovesTheLoginSoTokenAndApiNeedAuthentication(GithubSandbox sandbox) {
        CliHarness cli = loggedIn(sandbox, "repo");
        CliHarness.Result result = cli.run("auth", "logout").succeeds();
        assertThat(result.err()).contains("✓ Logged out of " + AuthLoginTest.host(sandbox));

        assertThat(cli.run("auth", "token").exitCode()).isEqualTo(4);
        assertThat(cli.run("api", "user").exitCode()).isEqualTo(4);
        assertThat(cli.run("auth", "status").exitCode()).isEqualTo(1);
    }

    @Test
    void logoutWhenNotLoggedInExits1(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("auth", "logout", "--hostname", "github.com");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not logged in to github.com");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCode2(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("auth", "logn");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("logn").contains("--help");
    }

    private CliHarness loggedIn(GithubSandbox sandbox, String... scopes) {
        CliHarness cli = new CliHarness(sandbox, temp);
        cli.runWithInput(sandbox.issueToken(sandbox.defaultUser(), scopes), "auth", "login", "--with-token").succeeds();
        return cli;
    }
}
