package dev.integrations.testing;

import dev.integrations.AuthManager;
import dev.integrations.github.sandbox.GithubSandbox;

/** AuthManagers wired to a sandbox the way an application is wired to GitHub: through the environment. */
public final class SandboxAuth {
    /** The redirect URI tests use: a loopback callback, which the sandbox accepts on any port. */
    public static final String REDIRECT_URI = "http://127.0.0.1:8765/callback";

    private SandboxAuth() {
    }

    /** A builder whose environment is the sandbox's (URLs, client id and secret) and whose clock is the sandbox's. */
    public static AuthManager.Builder builder(GithubSandbox sandbox) {
        return AuthManager.builder().environment(sandbox.environment()).clock(sandbox.clock());
    }

    /** A manager for the sandbox's default app with {@link #REDIRECT_URI}. */
    public static AuthManager manager(GithubSandbox sandbox) {
        return builder(sandbox).provider("github", java.util.Map.of("redirect_uri", REDIRECT_URI)).build();
    }
}
