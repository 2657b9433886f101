package dev.integrations.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code integrations auth ...}: log in, inspect, print, refresh and remove stored logins. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Log in to GitHub hosts and manage the stored logins (one per host).",
        subcommands = {LoginCommand.class, StatusCommand.class, TokenCommand.class, RefreshCommand.class,
                LogoutCommand.class})
final class AuthCommand implements Runnable {
    @Spec
    @Nullable CommandSpec spec;

    @Override
    public void run() {
        if (spec != null) {
            spec.commandLine().usage(spec.commandLine().getErr());
        }
        throw new CliException(ExitCodes.USAGE, "Missing command: choose one of login, status, token, refresh, logout.");
    }
}
