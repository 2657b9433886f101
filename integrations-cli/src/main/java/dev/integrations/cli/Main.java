package dev.integrations.cli;

import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.core.IntegrationsException;
import dev.integrations.http.UnauthorizedException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * The {@code integrations} command line tool: {@code java -jar integrations-cli.jar <command>}.
 * See {@code integrations-cli/README.md} for the commands, where credentials are kept and the exit
 * codes.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits with its exit code: 0 success, 1 failure, 2 usage error or
     * cancelled login, 4 authentication required.
     *
     * @param args the command line, e.g. {@code auth status}
     */
    public static void main(String[] args) {
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        int code = run(CliEnvironment.system(), out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command in this process (what tests call). */
    static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        IntegrationsCommand root = new IntegrationsCommand(environment);
        try {
            return commandLine(root, out, err).execute(args);
        } finally {
            root.close();
        }
    }

    static CommandLine commandLine(IntegrationsCommand root, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter errors = cmd.getErr();
            String message = message(exception, root.environment());
            if (!message.isEmpty()) {
                errors.println(message);
            }
            errors.flush();
            return exitCode(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            PrintWriter errors = cmd.getErr();
            errors.println(exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, errors);
            errors.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            errors.flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExitCodeExceptionMapper(Main::exitCode);
        return commandLine;
    }

    static int exitCode(Throwable exception) {
        if (exception instanceof CliException cli) {
            return cli.exitCode();
        }
        if (exception instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (exception instanceof UnauthorizedException || exception instanceof MissingCredentialsException
                || exception instanceof ReauthorizationRequiredException) {
            return ExitCodes.AUTH_REQUIRED;
        }
        return ExitCodes.FAILURE;
    }

    /**
     * One line for the user. The SDK's exception messages never carry secrets; anything else is
     * reported by type only, since a foreign exception's message could repeat what it was given.
     */
    static String message(Throwable exception, CliEnvironment environment) {
        if (exception instanceof CliException) {
            return exception.getMessage() == null ? "" : exception.getMessage();
        }
        if (exception instanceof ReauthorizationRequiredException reauthorization) {
            String host = reauthorization.subject();
            return "The stored login for " + host + " is no longer valid (" + reauthorization.getMessage()
                    + "). To log in again, run: " + Host.loginCommand(host, environment);
        }
        if (exception instanceof UnauthorizedException unauthorized) {
            return "error: " + unauthorized.getMessage()
                    + "\nThe stored token was refused. To log in again, run: integrations auth login";
        }
        if (exception instanceof IntegrationsException) {
            return "error: " + exception.getMessage();
        }
        return "error: " + exception.getClass().getSimpleName()
                + " (unexpected; please report it with the command you ran, without any token)";
    }

}
