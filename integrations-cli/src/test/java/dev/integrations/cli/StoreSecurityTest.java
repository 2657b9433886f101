package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where and how the store keeps tokens, and that no command but {@code auth token} prints one. */
@ExtendWith(GithubSandboxExtension.class)
class StoreSecurityTest {
    @TempDir
    Path temp;

    @Test
    void theFirstLoginCreatesAnOwnerOnlyDirectoryAndKeyFileAndEncryptsTheDatabase(GithubSandbox sandbox) throws Exception {
        assumePosix();
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        CliHarness cli = new CliHarness(sandbox, temp);
        cli.runWithInput(token, "auth", "login", "--with-token").succeeds();

        Path directory = cli.configDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("key"))))
                .isEqualTo("rw-------");
        byte[] database = Files.readAllBytes(directory.resolve("credentials.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(token);
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheChmodToRun(GithubSandbox sandbox) throws Exception {
        assumePosix();
        CliHarness cli = new CliHarness(sandbox, temp);
        cli.runWithInput(sandbox.issueToken(sandbox.defaultUser(), "repo"), "auth", "login", "--with-token").succeeds();
        Path key = cli.configDirectory().resolve("key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        CliHarness.Result result = cli.run("auth", "token");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("chmod 600 " + key.toAbsolutePath());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(cli.run("auth", "token").exitCode()).as("works again after chmod 600").isZero();
    }

    @Test
    void theConfigDirectoryFollowsXdgConfigHomeWithoutTheOverride(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp).remove(CliEnvironment.CONFIG_DIR_VARIABLE)
                .set("XDG_CONFIG_HOME", temp.resolve("xdg").toString());
        cli.runWithInput(sandbox.issueToken(sandbox.defaultUser(), "repo"), "auth", "login", "--with-token").succeeds();
        assertThat(temp.resolve("xdg/integrations/credentials.db")).exists();
        assertThat(temp.resolve("xdg/integrations/key")).exists();
    }

    @Test
    void noCommandButAuthTokenPrintsATokenOrRefreshToken(GithubSandbox sandbox) throws Exception {
        sandbox.registerApp(new dev.integrations.github.sandbox.SandboxApp("Iv1.cli-canary", "canary-secret",
                GithubSandbox.DEFAULT_CALLBACK_URL, true));
        CliHarness cli = new CliHarness(sandbox, temp).set("GITHUB_CLIENT_ID", "Iv1.cli-canary")
                .set("GITHUB_CLIENT_SECRET", "canary-secret");
        List<CliHarness.Result> results = new ArrayList<>();
        CliHarness.Running login = cli.start("auth", "login", "--no-browser");
        SandboxBrowser.approveAndFollow(login.printedUrl());
        results.add(login.finish().succeeds());
        String accessToken = cli.run("auth", "token").succeeds().out().strip();
        results.add(cli.run("auth", "status").succeeds());
        results.add(cli.run("api", "-i", "user").succeeds());
        results.add(cli.run("api", "repos/octocat/missing"));
        results.add(cli.run("auth", "refresh").succeeds());
        String refreshed = cli.run("auth", "token").succeeds().out().strip();
        results.add(cli.run("auth", "status", "--hostname", "github.com"));
        results.add(cli.run("auth", "logout").succeeds());
        sandbox.revokeToken(refreshed);

        for (CliHarness.Result result : results) {
            assertThat(result.out() + result.err()).doesNotContain(accessToken).doesNotContain(refreshed)
                    .doesNotContain("ghr_").doesNotContain("canary-secret");
        }
    }

    private void assumePosix() {
        assumeTrue(Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null, "POSIX file permissions");
    }
}
