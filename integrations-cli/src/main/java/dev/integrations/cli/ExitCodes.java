package dev.integrations.cli;

/**
 * Exit codes, after {@code gh help exit-codes}: 0 success, 1 failure, 2 usage error or a
 * cancelled login (gh uses 2 for "cancelled"; picocli and POSIX tools use it for usage errors),
 * 4 authentication required.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int CANCELLED = 2;
    static final int AUTH_REQUIRED = 4;

    private ExitCodes() {
    }
}
