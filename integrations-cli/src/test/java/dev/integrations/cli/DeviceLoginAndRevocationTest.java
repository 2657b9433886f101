package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth login --device} and the revoking {@code auth logout}. */
@ExtendWith(GithubSandboxExtension.class)
class DeviceLoginAndRevocationTest {
    @TempDir
    Path temp;

    @Test
    void deviceLoginShowsTheCodeAndStoresTheTokenOnceTheUserApproves(GithubSandbox sandbox) throws Exception {
        sandbox.deviceFlow().enable(sandbox.defaultApp());
        CountDownLatch decided = new CountDownLatch(1);
        // Each wait between polls lasts until the test has approved, then moves the sandbox's clock
        // past the interval: no real waiting, and no poll answered with slow_down.
        CliHarness cli = new CliHarness(sandbox, temp).remove("GITHUB_CLIENT_SECRET").sleeper(interval -> {
            decided.await(30, TimeUnit.SECONDS);
            sandbox.clock().advance(interval);
        });
        CliHarness.Running login = cli.start("auth", "login", "--device", "--scopes", "repo");

        String codeLine = login.printedLine("one-time code");
        String userCode = codeLine.substring(codeLine.lastIndexOf(' ') + 1);
        assertThat(login.printedUrl().getPath()).isEqualTo("/login/device");
        assertThat(sandbox.deviceFlow().approve(userCode)).isTrue();
        decided.countDown();

        CliHarness.Result result = login.finish().succeeds();
        assertThat(result.err()).contains("✓ Logged in to " + AuthLoginTest.host(sandbox) + " as octocat");
        assertThat(cli.run("auth", "status").succeeds().out()).contains("octocat").contains("repo");
    }

    @Test
    void aDeclinedDeviceCodeCancelsTheLoginWithExitCode2(GithubSandbox sandbox) throws Exception {
        sandbox.deviceFlow().enable(sandbox.defaultApp());
        CountDownLatch decided = new CountDownLatch(1);
        CliHarness cli = new CliHarness(sandbox, temp).sleeper(interval -> {
            decided.await(30, TimeUnit.SECONDS);
            sandbox.clock().advance(interval);
        });
        CliHarness.Running login = cli.start("auth", "login", "--device", "--no-browser");
        String codeLine = login.printedLine("one-time code");
        sandbox.deviceFlow().deny(codeLine.substring(codeLine.lastIndexOf(' ') + 1));
        decided.countDown();

        CliHarness.Result result = login.finish();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Login cancelled: the code was declined");
        assertThat(cli.browserOpens()).isZero();
    }

    @Test
    void deviceLoginWhenTheAppHasNotEnabledItSaysWhereToEnableIt(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("auth", "login", "--device");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Device Flow").contains("--web");
    }

    @Test
    void logoutRevokesAWebLoginAtTheHostSoTheTokenStopsWorking(GithubSandbox sandbox) throws Exception {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        SandboxBrowser.approveAndFollow(login.printedUrl());
        login.finish().succeeds();
        String token = cli.run("auth", "token").succeeds().out().strip();

        CliHarness.Result result = cli.run("auth", "logout").succeeds();

        assertThat(result.err()).contains("✓ Logged out of " + AuthLoginTest.host(sandbox)).contains("access revoked");
        assertThat(cli.run("auth", "token").exitCode()).isEqualTo(4);
        CliHarness other = new CliHarness(sandbox, temp.resolve("other"));
        assertThat(other.runWithInput(token, "auth", "login", "--with-token").exitCode())
                .as("the revoked token no longer works").isEqualTo(1);
    }

    @Test
    void logoutOfAPersonalAccessTokenRemovesItAndSaysItWasNotRevoked(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp);
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        cli.runWithInput(token, "auth", "login", "--with-token").succeeds();

        CliHarness.Result result = cli.run("auth", "logout").succeeds();

        assertThat(result.err()).contains("cannot be revoked by the app");
        assertThat(cli.run("auth", "status").exitCode()).isEqualTo(1);
    }

    @Test
    void logoutWithoutTheAppsCredentialsRemovesTheLoginAndSaysHowToRevoke(GithubSandbox sandbox) throws Exception {
        SandboxApp app = sandbox.defaultApp();
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        SandboxBrowser.approveAndFollow(login.printedUrl());
        login.finish().succeeds();

        CliHarness.Result result = cli.remove("GITHUB_CLIENT_ID").remove("GITHUB_CLIENT_SECRET").run("auth", "logout")
                .succeeds();
        assertThat(result.err()).contains("was not revoked").contains("GITHUB_CLIENT_ID");
        assertThat(app.clientSecret()).isNotBlank();
    }
}
