package dev.integrations.github.sandbox;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link GithubSandbox} as a standalone process for offline use:
 *
 * <pre>{@code java -cp ... dev.integrations.github.sandbox.GithubSandboxMain [--port 8080]}</pre>
 *
 * It prints the base URL, the default app's client id and secret, a personal access token for
 * {@code octocat}, and the {@code GITHUB_*} environment lines a client needs, then serves until the
 * process is killed. The secret and token are printed on purpose: this is a local stand-in.
 */
public final class GithubSandboxMain {

    private GithubSandboxMain() {
    }

    /**
     * Starts a sandbox, prints what a client needs and serves until the process is stopped.
     *
     * @param args {@code --port N} or {@code --port=N}; none for an ephemeral port
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Integer port = parsePort(args, System.err);
        if (port == null) {
            System.exit(2);
            return;
        }
        GithubSandbox sandbox = GithubSandbox.builder().port(port).build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "github-sandbox-shutdown"));
        describe(sandbox, System.out);
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
        stopped.await();
    }

    /** The port from {@code --port N} or {@code --port=N} (default 0, ephemeral), or {@code null} after printing usage. */
    static @Nullable Integer parsePort(String[] args, PrintStream err) {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--port") && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--port=")) {
                value = arg.substring("--port=".length());
            } else {
                usage(err, arg.equals("--help") || arg.equals("-h") ? null : "Unknown argument: " + arg);
                return null;
            }
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                usage(err, "--port needs a number from 0 to 65535, got: " + value);
                return null;
            }
        }
        return port;
    }

    /** Prints what a client needs to talk to {@code sandbox}. */
    static void describe(GithubSandbox sandbox, PrintStream out) {
        SandboxApp app = sandbox.defaultApp();
        SandboxUser user = sandbox.defaultUser();
        out.println("GitHub sandbox running at " + sandbox.baseUri());
        out.println("  OAuth app client id:     " + app.clientId());
        out.println("  OAuth app client secret: " + app.clientSecret());
        out.println("  OAuth app callback URL:  " + app.callbackUrl() + " (any port on 127.0.0.1)");
        out.println("  Signed-in user:          " + user.login() + " (id " + user.id() + ")");
        out.println("  Token for " + user.login() + " (repo, user): "
                + sandbox.issueToken(user, "repo", "user"));
        out.println("Environment:");
        sandbox.environment().forEach((key, value) -> out.println(key + "=" + value));
    }

    private static void usage(PrintStream err, @Nullable String problem) {
        if (problem != null) {
            err.println(problem);
        }
        err.println("Usage: GithubSandboxMain [--port N]   (default: an ephemeral port)");
    }
}
