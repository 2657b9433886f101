package dev.integrations.cli;

import dev.integrations.core.IntegrationsException;

/**
 * A failure the command reports as one line on standard error, with the exit code it causes.
 * Messages say what to do next and never carry a token.
 */
final class CliException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliException authRequired(String message) {
        return new CliException(ExitCodes.AUTH_REQUIRED, message);
    }

    static CliException failure(String message) {
        return new CliException(ExitCodes.FAILURE, message);
    }
}
