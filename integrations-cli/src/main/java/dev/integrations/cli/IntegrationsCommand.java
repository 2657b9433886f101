package dev.integrations.cli;

import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.jdbc.JdbcStores;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; it also holds what every subcommand shares (environment, the opened store). */
@Command(name = "integrations", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Log in to GitHub and call its API as yourself, with tokens kept in an encrypted local store.",
        subcommands = {AuthCommand.class, ApiCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure", "2:usage error, or login cancelled or timed out",
                "4:authentication required (not logged in, or the token was refused)"},
        footerHeading = "%n",
        footer = "Credentials are kept in $INTEGRATIONS_CONFIG_DIR, else $XDG_CONFIG_HOME/integrations, "
                + "else ~/.config/integrations (%%APPDATA%%\\integrations on Windows).")
final class IntegrationsCommand implements Runnable, AutoCloseable {
    private final CliEnvironment environment;
    private @Nullable JdbcStores stores;

    @Spec
    @Nullable CommandSpec spec;

    IntegrationsCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getErr());
        }
        throw new CliException(ExitCodes.USAGE, "Missing command: choose one of auth, api, completion.");
    }

    CliEnvironment environment() {
        return environment;
    }

    ConfigDirectory configDirectory() {
        return new ConfigDirectory(environment.configDirectory());
    }

    /** Opens the store (creating it and its key on first use); closed when the command ends. */
    JdbcStores stores() {
        JdbcStores opened = stores;
        if (opened == null) {
            opened = configDirectory().open();
            stores = opened;
        }
        return opened;
    }

    HostAuth host(@Nullable String hostname) {
        return new HostAuth(Host.resolve(hostname, environment), stores(), environment);
    }

    /**
     * The host of a command that needs a stored login. Fails with exit code 4 (not logged in)
     * before the store is created when the configuration directory does not exist yet, so a
     * command run by mistake leaves no files behind.
     */
    HostAuth loggedInHost(@Nullable String hostname) {
        if (!configDirectory().exists()) {
            throw HostAuth.notLoggedIn(Host.resolve(hostname, environment).name(), environment);
        }
        return host(hostname);
    }

    /** The stored login of a host, or the not-logged-in failure (exit code 4). */
    StoredLogin storedLogin(@Nullable String hostname) {
        HostAuth host = loggedInHost(hostname);
        String name = host.host().name();
        GithubUserCredentials credentials = host.stored().orElseThrow(() -> HostAuth.notLoggedIn(name, environment));
        return new StoredLogin(host, name, credentials);
    }

    /** A host, its name and the credentials stored for it. */
    record StoredLogin(HostAuth host, String name, GithubUserCredentials credentials) {
    }

    @Override
    public void close() {
        JdbcStores opened = stores;
        stores = null;
        if (opened != null) {
            opened.close();
        }
    }

    /** The root command of the command that is running. */
    static IntegrationsCommand of(CommandSpec spec) {
        return (IntegrationsCommand) spec.root().userObject();
    }
}
