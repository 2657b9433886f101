package dev.integrations.github.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @RegisterExtension static GithubSandboxExtension}: options and the {@code sandbox()} accessor. */
class ExtensionRegistrationTest {

    @RegisterExtension
    static GithubSandboxExtension github = new GithubSandboxExtension(builder -> builder.rateLimit(1));

    private GithubSandbox fromBeforeEach;

    @BeforeEach
    void capture() {
        fromBeforeEach = github.sandbox();
    }

    @Test
    void accessorAndParameterGiveTheSameConfiguredSandbox(GithubSandbox injected) {
        GithubSandbox sandbox = github.sandbox();
        assertThat(injected).isSameAs(sandbox).isSameAs(fromBeforeEach);

        String token = sandbox.issueToken(sandbox.defaultUser());
        HttpResponse<String> first = TestHttp.getUser(sandbox, token);
        HttpResponse<String> second = TestHttp.getUser(sandbox, token);

        assertThat(first.headers().firstValue("x-ratelimit-limit")).hasValue("1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(403);
    }

    @Test
    void anotherTestStartsWithAFreshRateLimit() {
        GithubSandbox sandbox = github.sandbox();

        assertThat(TestHttp.getUser(sandbox, sandbox.issueToken(sandbox.defaultUser())).statusCode()).isEqualTo(200);
    }
}
