package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(GithubSandboxExtension.class)
class CompletionCommandTest {
    @TempDir
    Path temp;

    @Test
    void bashCompletionCompletesTheCommandsAndOptions(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("completion", "bash").succeeds();
        assertThat(result.out()).contains("complete -F").contains("integrations").contains("login")
                .contains("--with-token").contains("--paginate");
    }

    @Test
    void zshCompletionLoadsBashCompletionEmulationFirst(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("completion", "zsh").succeeds();
        assertThat(result.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .contains("--with-token");
    }

    @Test
    void anUnknownShellIsAUsageError(GithubSandbox sandbox) {
        CliHarness.Result result = new CliHarness(sandbox, temp).run("completion", "fish");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("fish");
    }

    @Test
    void completionNeedsNoStore(GithubSandbox sandbox) {
        CliHarness cli = new CliHarness(sandbox, temp);
        cli.run("completion", "bash").succeeds();
        assertThat(cli.configDirectory()).doesNotExist();
    }
}
