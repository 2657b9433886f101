package dev.integrations.github.app;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.github.GithubClient;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxGithubApp;
import dev.integrations.github.sandbox.SandboxInstallation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/github-apps.md}, compiled and run against the sandbox. Each block
 * between {@code // docs:} markers is copied into the page as it is.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("issue 10: the examples of docs/github-apps.md")
class GithubAppDocExamplesTest {

    @Test
    void everyExampleOfTheGuideWorks(GithubSandbox sandbox) {
        SandboxGithubApp registered = sandbox.registerGithubApp("docs-app", TestKeys.publicKey("app-pkcs8.pem"));
        SandboxInstallation installed = sandbox.installGithubApp(registered, sandbox.defaultUser(),
                Map.of("issues", "write", "contents", "read"));
        long appId = registered.id();
        Path pemFile = TestKeys.path("app-pkcs1.pem");
        long installationId = installed.id();
        Map<String, String> environment = new HashMap<>(sandbox.environment());

        // docs: configure
        AuthManager auth = AuthManager.builder()
                .githubApp(app -> app
                        .appId(appId)                            // or .clientId("Iv23...")
                        .privateKeyPath(pemFile))                // or .privateKeyPem(text), .privateKey(key)
                .environment(environment)                        // GITHUB_BASE_URL for GHES; omit for the process's
                .build();
        // docs: end

        // docs: installation
        try (Integrations installation = auth.installation(installationId)) {
            GithubClient github = installation.github();        // acts as the installation
            github.rawRequest("POST", "/repos/octocat/Spoon-Knife/issues", Map.of("title", "Nightly report"));
        }
        // docs: end

        // docs: narrowed
        try (Integrations narrowed = auth.installation(token -> token
                .installationId(installationId)
                .repositories("Spoon-Knife")
                .permission("issues", "read"))) {
            narrowed.github().rawRequest("GET", "/repos/octocat/Spoon-Knife/issues");
        }
        // docs: end

        // docs: lookups
        try (Integrations forRepo = auth.installationForRepository("octocat", "Spoon-Knife");
             Integrations forOwner = auth.installationForOwner("octocat")) {
            forRepo.github().rawRequest("GET", "/repos/octocat/Spoon-Knife");
        }
        // docs: end

        // docs: app-client
        GithubAppClient app = auth.githubApp();
        GithubAppInfo me = app.getApp();
        List<Installation> installations = app.listInstallations();
        Installation forRepository = app.getRepositoryInstallation("octocat", "Spoon-Knife");
        InstallationToken token = app.createInstallationToken(t -> t.installationId(forRepository.id()));
        // docs: end

        assertThat(me.id()).isEqualTo(appId);
        assertThat(installations).extracting(Installation::id).containsExactly(installationId);
        assertThat(token.token()).startsWith("ghs_");
        assertThat(sandbox.installationTokensIssued(installed)).isEqualTo(3);   // full, narrowed, and the explicit one
    }
}
