package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(GithubSandboxExtension.class)
class AuthLoginTest {
    @TempDir
    Path temp;

    @Test
    void webLoginReceivesTheBrowsersReturnOnALoopbackCallbackAndStoresTheUser(GithubSandbox sandbox) throws Exception {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Running login = cli.start("auth", "login", "--web", "--scopes", "repo,read:org");

        URI url = login.printedUrl();
        assertThat(url.toString()).startsWith(sandbox.authorizationUrl().toString())
                .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A").contains("%2Fcallback")
                .contains("code_challenge_method=S256").contains("state=").contains("scope=repo%20read%3Aorg");
        SandboxBrowser.approveAndFollow(url);

        CliHarness.Result result = login.finish().succeeds();
        assertThat(result.err()).contains("✓ Logged in to " + host(sandbox) + " as octocat");
        assertThat(cli.browserOpens()).as("tried to open the browser").isEqualTo(1);
        CliHarness.Result status = cli.run("auth", "status").succeeds();
        assertThat(status.out()).contains("octocat").contains("repo,read:org").contains("logged in");
    }

    @Test
    void webLoginWithNoBrowserOnlyPrintsTheUrl(GithubSandbox sandbox) throws Exception {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        SandboxBrowser.approveAndFollow(login.printedUrl());
        login.finish().succeeds();
        assertThat(cli.browserOpens()).isZero();
    }

    @Test
    void aCallbackWithAnotherStateIsIgnoredAndTheLoginGoesOn(GithubSandbox sandbox) throws Exception {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        URI url = login.printedUrl();
        String redirect = java.net.URLDecoder.decode(url.getRawQuery().replaceAll(".*redirect_uri=([^&]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(redirect + "?code=forged&state=forged")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(login.exit()).isNotDone();

        SandboxBrowser.approveAndFollow(url);
        login.finish().succeeds();
    }

    @Test
    void deniedConsentCancelsTheLoginWithExitCode2AndStoresNothing(GithubSandbox sandbox) throws Exception {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        URI callback = SandboxBrowser.deny(login.printedUrl());
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(callback).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        CliHarness.Result result = login.finish();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Login cancelled: access was denied");
        assertThat(cli.run("auth", "status").exitCode()).isEqualTo(1);
    }

    @Test
    void aLoginTheBrowserNeverCompletesEndsAtItsDeadlineWithExitCode2(GithubSandbox sandbox) throws Exception {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Result result = cli.run("auth", "login", "--no-browser", "--timeout", "1s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Login timed out after 1s").contains("Run the command again");
    }

    @Test
    void webLoginWithoutAnOauthAppSaysWhichVariablesToSet(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp).remove("GITHUB_CLIENT_ID").remove("GITHUB_CLIENT_SECRET");
        CliHarness.Result result = cli.run("auth", "login", "--web");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("GITHUB_CLIENT_ID").contains("GITHUB_CLIENT_SECRET").contains("--with-token");
    }

    @Test
    void withTokenReadsStandardInputValidatesItAndStoresItWithItsScopes(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp).remove("GITHUB_CLIENT_ID").remove("GITHUB_CLIENT_SECRET");
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo", "gist");

        CliHarness.Result result = cli.runWithInput(token + "\n", "auth", "login", "--with-token").succeeds();

        assertThat(result.err()).contains("✓ Logged in to " + host(sandbox) + " as octocat");
        assertThat(result.out()).isEmpty();
        assertThat(cli.run("auth", "status").succeeds().out()).contains("repo,gist");
    }

    @Test
    void withTokenRefusesATokenGithubRejectsAndStoresNothing(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp);
        CliHarness.Result result = cli.runWithInput("ghp_notarealtoken000000000000000000000000", "auth", "login", "--with-token");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Error validating the token").contains("refused it");
        assertThat(result.err()).doesNotContain("ghp_notarealtoken");
        assertThat(cli.run("auth", "status").exitCode()).isEqualTo(1);
    }

    @Test
    void withTokenOnATerminalAsksForTheTokenWithoutEchoInsteadOfWaitingSilently(GithubSandbox sandbox) {
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        List<String> prompts = new ArrayList<>();
        CliHarness cli = new CliHarness(sandbox, temp).terminal(prompt -> {
            prompts.add(prompt);
            return (" " + token + " ").toCharArray();
        });

        CliHarness.Result result = cli.run("auth", "login", "--with-token").succeeds();

        assertThat(prompts).singleElement().asString().contains("Paste your token").contains("will not be shown");
        assertThat(result.err()).contains("✓ Logged in to " + host(sandbox) + " as octocat").doesNotContain(token);
        assertThat(cli.run("auth", "status").succeeds().out()).contains("octocat");
    }

    @Test
    void withTokenOnATerminalEndedWithoutATokenIsCancelledAndStoresNothing(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp).terminal(prompt -> null);
        CliHarness.Result result = cli.run("auth", "login", "--with-token");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Login cancelled: no token was entered.");
        assertThat(cli.run("auth", "status").exitCode()).isEqualTo(1);
    }

    @Test
    void withTokenAndEmptyInputIsAUsageError(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).runWithInput("  \n", "auth", "login", "--with-token");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No token on standard input");
    }

    @Test
    void webAndWithTokenAreMutuallyExclusive(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("auth", "login", "--web", "--with-token");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive");
    }

    static String host(GithubSandbox sandbox) {
        return "127.0.0.1:" + sandbox.baseUri().getPort();
    }
}
