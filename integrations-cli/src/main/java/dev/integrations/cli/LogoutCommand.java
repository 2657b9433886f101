package dev.integrations.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code integrations auth logout}: removes the host's stored login. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Remove the stored login of a host.")
final class LogoutCommand implements Runnable {
    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "HOST", description = "The GitHub host (default github.com).")
    @Nullable String hostname;

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
        host.auth().deleteCredentials(HostAuth.PROVIDER, name);
        PrintWriter err = commandSpec.commandLine().getErr();
        err.println("✓ Logged out of " + name);
        err.flush();
    }

    private static CliException notLoggedIn(String name) {
        return CliException.failure("You are not logged in to " + name + ".");
    }
}
