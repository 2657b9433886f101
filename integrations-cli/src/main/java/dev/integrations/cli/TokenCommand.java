package dev.integrations.cli;

import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.github.auth.GithubUserCredentials;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations auth token}: prints the host's access token to standard output, refreshing it
 * first when it has expired. This is the one place the tool prints a token, on purpose, like
 * {@code gh auth token}, so scripts can use it: {@code curl -H "Authorization: Bearer $(integrations auth token)"}.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print the stored access token of a host to standard output (the only command that prints a token).")
final class TokenCommand implements Runnable {
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
        GithubUserCredentials credentials = login.credentials();
        if (host.auth().credentialStatus(HostAuth.PROVIDER, name).orElse(CredentialStatus.ACTIVE)
                == CredentialStatus.NEEDS_REAUTHORIZATION) {
            throw CliException.authRequired("The stored login for " + name
                    + " needs reauthorization. To log in again, run: " + Host.loginCommand(name, root.environment()));
        }
        if (credentials.refreshToken() != null && credentials.isExpired(Instant.now(), Duration.ofSeconds(60))) {
            credentials = (GithubUserCredentials) host.auth().refreshCredentials(HostAuth.PROVIDER, name);
        }
        String token = credentials.accessToken();
        if (token == null) {
            throw HostAuth.notLoggedIn(name, root.environment());
        }
        PrintWriter out = commandSpec.commandLine().getOut();
        out.println(token);
        out.flush();
    }
}
