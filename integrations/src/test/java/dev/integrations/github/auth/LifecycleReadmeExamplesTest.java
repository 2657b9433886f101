package dev.integrations.github.auth;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.DisconnectOptions;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.RevocationFailedException;
import dev.integrations.auth.DeviceFlowException;
import dev.integrations.github.MissingPermissionException;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.http.MissingScopeException;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples for the device flow, disconnect and token lifecycle, and scopes: each is
 * written here between {@code // readme:<name>} and {@code // end} and runs against the sandbox;
 * the last test checks that the README shows exactly these lines, so the documentation compiles.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("README examples: device flow, disconnect and token lifecycle, scopes")
class LifecycleReadmeExamplesTest {
    private static final Pattern REGION = Pattern.compile("// readme:([a-z-]+)\\n(.*?)\\n\\s*// end", Pattern.DOTALL);

    /**
     * Compiled, not run: it waits for a person with the system sleeper. GithubDeviceFlowTest runs
     * the same calls with an injected clock and sleeper.
     */
    static void deviceFlowExample(AuthManager auth) {
        // readme:device-flow
        GithubUserCredentials credentials = auth.github().deviceFlow().authorize(
                o -> o.scopes("repo").timeout(Duration.ofMinutes(10)),
                code -> System.out.println("Open " + code.verificationUri() + " and enter " + code.userCode()));
        auth.storeCredentials("github", "user-123", credentials);
        // end
    }

    @Test
    void disconnectAndTokens(GithubSandbox sandbox) {
        AuthManager auth = SandboxAuth.manager(sandbox);
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(token));
        // readme:disconnect
        try {
            DisconnectResult result = auth.disconnect("github", "user-123");
            System.out.println(result.outcome() + ": " + result.detail().orElse(""));
        } catch (RevocationFailedException e) {
            // GitHub could not be reached: the stored credentials are kept. Retry later, or:
            auth.disconnect("github", "user-123", DisconnectOptions.forceLocal());
        }
        // end
        assertThat(auth.loadCredentials("github", "user-123")).isEmpty();
        boolean known =
        // readme:tokens
        auth.github().tokens().check(token).isPresent();
        // end
        assertThat(known).as("a personal access token is not the app's").isFalse();
    }

    @Test
    void scopes(GithubSandbox sandbox) {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(sandbox.issueToken(sandbox.defaultUser(), "repo")));
        List<String> needed = new ArrayList<>();
        try (Integrations session = auth.session("user-123")) {
            // readme:scopes
            try {
                session.github().rawRequest(dev.integrations.github.GithubRequest.builder().method("POST").path("/gists")
                        .body(java.util.Map.of("files", java.util.Map.of("a.txt", java.util.Map.of("content", "a")))).build());
            } catch (MissingScopeException e) {
                needed.addAll(e.scopesToRequest());          // [gist]: authorize again with it
            } catch (MissingPermissionException e) {
                System.out.println(e.acceptedPermissions());  // GitHub App: [{issues=write}, ...]
            }
            // end
        }
        assertThat(needed).containsExactly("gist");
    }

    @Test
    void theReadmeShowsTheseExamples() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/integrations/github/auth/LifecycleReadmeExamplesTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher regions = REGION.matcher(source);
        int found = 0;
        while (regions.find()) {
            String indent = regions.group(2).replaceAll("(?s)^( *).*", "$1");
            String code = regions.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l.strip())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            assertThat(readme).as("README example '%s'", regions.group(1)).contains(code);
            found++;
        }
        assertThat(found).isEqualTo(4);
        assertThat(DeviceFlowException.Reason.values()).isNotEmpty();
    }
}
