package dev.integrations.cli;

import dev.integrations.auth.DisconnectOptions;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.RevocationFailedException;
import java.io.PrintWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations auth logout}: revokes the app's grant at the host when it can (tokens from
 * the web or device flow, with the app's client id and secret), then removes the stored login.
 * When revoking fails the login is kept, unless {@code --local} says to remove it anyway.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Revoke the app's access at the host (when possible) and remove the stored login.",
                "Revoking needs GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET of the app that issued the token; a "
                        + "personal access token cannot be revoked by the app: delete it in your settings."})
final class LogoutCommand implements Runnable {
    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "HOST", description = "The GitHub host (default github.com).")
    @Nullable String hostname;

    @Option(names = "--local", description = "Remove the stored login even if revoking it at the host fails.")
    boolean local;

    @Override
    public void run() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        IntegrationsCommand root = IntegrationsCommand.of(commandSpec);
        String name = Host.resolve(hostname, root.environment()).name();
        if (!root.configDirectory().exists()) {
            throw notLoggedIn(name);
        }
        HostAuth host = root.host(hostname);
        if (host.stored().isEmpty()) {
            throw notLoggedIn(name);
        }
        PrintWriter err = commandSpec.commandLine().getErr();
        if (!host.appConfigured()) {
            host.auth().deleteCredentials(HostAuth.PROVIDER, name);
            err.println("✓ Logged out of " + name + " (the token was not revoked: set " + HostAuth.CLIENT_ID_VARIABLE
                    + " and " + HostAuth.CLIENT_SECRET_VARIABLE + " to revoke it, or revoke it in your settings on " + name + ")");
            err.flush();
            return;
        }
        DisconnectResult result;
        try {
            result = host.auth().disconnect(HostAuth.PROVIDER, name,
                    local ? DisconnectOptions.forceLocal() : DisconnectOptions.defaults());
        } catch (RevocationFailedException e) {
            throw CliException.failure("Could not revoke the token at " + name + " (" + e.getMessage()
                    + "); the login is kept. Try again, or remove it anyway: integrations auth logout --local"
                    + (name.equals(Host.resolve(null, root.environment()).name()) ? "" : " --hostname " + name));
        }
        err.println("✓ Logged out of " + name + switch (result.outcome()) {
            case REVOKED -> " (access revoked at " + name + ")";
            case ALREADY_INVALID -> " (the token was no longer valid at " + name + ")";
            case NOT_REVOCABLE -> " (a personal access token cannot be revoked by the app: delete it in your settings on "
                    + name + " if you no longer need it)";
            case NOT_REVOKED -> " (NOT revoked at " + name + ": the token may keep working until you revoke it there)";
            case NOTHING_STORED -> "";
        });
        err.flush();
    }

    private static CliException notLoggedIn(String name) {
        return CliException.failure("You are not logged in to " + name + ".");
    }
}
