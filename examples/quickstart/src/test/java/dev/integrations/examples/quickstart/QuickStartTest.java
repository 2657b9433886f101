package dev.integrations.examples.quickstart;

import dev.integrations.github.model.GithubUser;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxBrowser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The quick start")
class QuickStartTest {
    @TempDir
    Path directory;

    @Test
    void withoutConfigurationItRunsTheSeedFlowAgainstAnInProcessSandbox() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GithubUser user = QuickStart.run(Map.of("QUICKSTART_DIR", directory.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofSeconds(30));

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(directory.resolve("quickstart.db")).exists();
        assertThat(directory.resolve("encryption.keys")).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("quickstart.db"));
             ResultSet rows = c.createStatement().executeQuery("SELECT * FROM integrations_credentials")) {
            assertThat(rows.next()).as("the credentials row").isTrue();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rows.getObject(i))).doesNotContain("gho_");
            }
        }
        assertThat(user.login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        assertThat(output).contains("started the GitHub sandbox", "1. AuthManager ready", "2. Authorization started",
                "3. GitHub redirected back", "4. Code exchanged", "5. Credentials stored", "6. Session opened",
                "GET /user says: octocat");
        assertThat(output).doesNotContainPattern("gho_[A-Za-z0-9]{10,}");
    }

    /**
     * With GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET set, the quick start prints the URL to open
     * and waits on its loopback callback. Pointed at a sandbox through the same environment keys,
     * this test plays the user: it reads the printed URL and approves it in the "browser".
     */
    @Test
    void withClientCredentialsItPrintsTheUrlAndReceivesTheRedirectOnALoopbackCallback() throws Exception {
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            Pattern url = Pattern.compile("(" + Pattern.quote(sandbox.authorizationUrl().toString()) + "\\?\\S+)");
            CompletableFuture<URI> printedUrl = new CompletableFuture<>();
            StringBuilder seen = new StringBuilder();
            PrintStream out = new PrintStream(new OutputStream() {
                @Override
                public synchronized void write(int b) {
                    seen.append((char) b);
                    Matcher m = url.matcher(seen);
                    if (b == '\n' && m.find()) {
                        printedUrl.complete(URI.create(m.group(1)));
                    }
                }
            }, true, StandardCharsets.UTF_8);

            CompletableFuture<GithubUser> run = CompletableFuture.supplyAsync(() -> {
                try {
                    Map<String, String> env = new java.util.HashMap<>(sandbox.environment());
                    env.put("QUICKSTART_DIR", directory.toString());
                    return QuickStart.run(env, out, Duration.ofSeconds(30));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            SandboxBrowser.approveAndFollow(printedUrl.get(30, TimeUnit.SECONDS));
            GithubUser user = run.get(30, TimeUnit.SECONDS);

            assertThat(user.login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            assertThat(seen).contains("GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET are set", "Open it in your browser",
                    "http://127.0.0.1:");
            assertThat(sandbox.requests("/login/oauth/access_token")).hasSize(1);
        }
    }
}
