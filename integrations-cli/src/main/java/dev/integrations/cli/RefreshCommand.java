package dev.integrations.cli;

import dev.integrations.github.auth.GithubUserCredentials;
import java.io.PrintWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations auth refresh}: exchanges the stored refresh token for a new token now
 * (GitHub App user tokens, which expire after 8 hours). Tokens that do not expire have nothing to
 * refresh; a refused refresh token marks the login as needing reauthorization (exit code 4).
 */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Refresh the stored token of a host now, with its refresh token.",
                "Only expiring tokens (GitHub App user tokens) can be refreshed; it needs the app's "
                        + "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET."})
final class RefreshCommand implements Runnable {
    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "HOST", description = "The GitHub host (default github.com).")
    @Nullable String hostname;

    @Override
    public void run() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        IntegrationsCommand root = IntegrationsCommand.of(commandSpec);
        IntegrationsCommand.StoredLogin login = root.storedLogin(hostname);
        HostAuth host = login.host();
        String name = login.name();
        GithubUserCredentials stored = login.credentials();
        if (stored.refreshToken() == null) {
            throw CliException.failure("The token for " + name + " does not expire and has no refresh token, so there"
                    + " is nothing to refresh. To get a new token, run: " + Host.loginCommand(name, root.environment()));
        }
        if (!host.appConfigured()) {
            throw CliException.failure("Refreshing needs the OAuth app that issued the token: set "
                    + HostAuth.CLIENT_ID_VARIABLE + " and " + HostAuth.CLIENT_SECRET_VARIABLE + ".");
        }
        GithubUserCredentials refreshed = (GithubUserCredentials) host.auth().refreshCredentials(HostAuth.PROVIDER, name);
        PrintWriter err = commandSpec.commandLine().getErr();
        err.println("✓ Refreshed the token for " + name + " (expires " + StatusCommand.expiry(refreshed.expiresAt()) + ")");
        err.flush();
    }
}
