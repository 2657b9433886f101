package dev.integrations.github;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.ForbiddenException;
import dev.integrations.http.MissingScopeException;
import dev.integrations.http.NotFoundException;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("Scopes on responses and errors; typed missing-scope and missing-permission exceptions")
class ScopesAndPermissionsTest {
    private static final String FORBIDDEN_BODY =
            "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"403\"}";

    private GithubSandbox sandbox;
    private Integrations session;
    private GithubClient github;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        AuthManager auth = SandboxAuth.manager(sandbox);
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo", "read:user");
        session = auth.session(s -> s.subject("user-1").withCredentials("github", GithubUserCredentials.ofToken(token)));
        github = session.github();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private GithubResponse call(String method, String path) {
        return github.rawRequest(GithubRequest.builder().method(method).path(path)
                .body(method.equals("GET") ? null : Map.of("files", Map.of("a.txt", Map.of("content", "a")))).build());
    }

    @Test
    void responsesExposeTheGrantedAndAcceptedScopes() {
        GithubResponse repository = github.rawRequest("GET", "/repos/octocat/Spoon-Knife");

        assertThat(repository.grantedScopes()).containsExactly("repo", "read:user");
        assertThat(repository.acceptedScopes()).containsExactly("repo");
        assertThat(repository.acceptedPermissions()).isEmpty();
        assertThat(github.rawRequest("GET", "/user").acceptedScopes()).isEmpty();
    }

    @Test
    void aWriteHiddenBehindAMissingScopeNamesTheScopeToRequest() {
        assertThatThrownBy(() -> call("POST", "/gists"))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.scopesToRequest()).containsExactly("gist");
                    assertThat(e.grantedScopes()).containsExactly("repo", "read:user");
                })
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("a.scopes(\"gist\")");
    }

    @Test
    void aForbiddenAnswerWithUnsatisfiedScopesIsAMissingScope() {
        sandbox.enqueueResponse("/orgs/acme/hooks", SandboxResponse.json(403,
                "{\"message\":\"Must have admin rights to Repository.\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"403\"}")
                .withHeader("X-OAuth-Scopes", "repo, read:user").withHeader("X-Accepted-OAuth-Scopes", "admin:org_hook"));

        assertThatThrownBy(() -> call("POST", "/orgs/acme/hooks"))
                .isInstanceOfSatisfying(MissingScopeException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.scopesToRequest()).containsExactly("admin:org_hook");
                });
    }

    @Test
    void aReadThatMayJustBeMissingStaysNotFoundButCarriesTheScopes() {
        sandbox.enqueueResponse("/repos/acme/secret", SandboxResponse.json(404,
                "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}")
                .withHeader("X-OAuth-Scopes", "read:user").withHeader("X-Accepted-OAuth-Scopes", "repo"));

        assertThatThrownBy(() -> github.rawRequest("GET", "/repos/acme/secret"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.acceptedScopes()).containsExactly("repo"))
                .isNotInstanceOf(ForbiddenException.class)
                .hasMessageContaining("a.scopes(\"repo\")");
    }

    @Test
    void aResourceNotAccessibleByIntegrationNamesThePermissionSets() {
        sandbox.enqueueResponse("/repos/acme/app/issues", SandboxResponse.json(403, FORBIDDEN_BODY)
                .withHeader("X-Accepted-GitHub-Permissions", "issues=write; pull_requests=write,contents=read"));

        assertThatThrownBy(() -> call("POST", "/repos/acme/app/issues"))
                .isInstanceOfSatisfying(MissingPermissionException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.acceptedPermissions()).containsExactly(Map.of("issues", "write"),
                            Map.of("pull_requests", "write", "contents", "read"));
                })
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("grant issues=write or pull_requests=write, contents=read");
    }

    @Test
    void tokensWithoutScopesNeverMissAScope() {
        // GitHub App and fine-grained tokens get no X-OAuth-Scopes header: a 403 for them is not about scopes.
        sandbox.enqueueResponse("/orgs/acme/hooks", SandboxResponse.json(403,
                "{\"message\":\"Forbidden\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"403\"}")
                .withHeader("X-Accepted-OAuth-Scopes", "admin:org_hook"));

        assertThatThrownBy(() -> call("POST", "/orgs/acme/hooks"))
                .isExactlyInstanceOf(ForbiddenException.class);
    }

    @Test
    void thePermissionHeaderIsParsedAsGithubWritesIt() {
        assertThat(MissingPermissionException.parse("repository_projects=write; organization_projects=admin"))
                .containsExactly(Map.of("repository_projects", "write"), Map.of("organization_projects", "admin"));
        assertThat(MissingPermissionException.parse("contents=read,metadata=read"))
                .containsExactly(Map.of("contents", "read", "metadata", "read"));
        assertThat(MissingPermissionException.parse(" ; garbage; =x; y=")).isEmpty();
        assertThat(MissingPermissionException.parse(null)).isEqualTo(List.of());
    }
}
