package dev.integrations.internal.github;

import dev.integrations.github.GithubSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("issue 12: the headers step prepares each token's headers once and shares them")
class GithubHeadersStepTest {
    private static final URI USER = URI.create("https://api.github.com/user");

    private final AtomicReference<String> token = new AtomicReference<>("gho_" + "a".repeat(36));
    private final GithubHeadersStep step = new GithubHeadersStep(GithubSettings.builder().build(), token::get);

    @Test
    @DisplayName("one header set per token, with the token, shared by every request until the token changes")
    void sharedUntilTheTokenChanges() {
        HttpHeaders first = step.prepared(USER, false);
        HttpHeaders json = step.prepared(USER, true);

        assertThat(step.prepared(URI.create("https://api.github.com/user/repos"), false)).isSameAs(first);
        assertThat(first.firstValue("authorization")).contains("Bearer " + token.get());
        assertThat(first.firstValue("accept")).contains("application/vnd.github+json");
        assertThat(first.firstValue("x-github-api-version")).contains(GithubSettings.DEFAULT_API_VERSION);
        assertThat(first.firstValue("user-agent")).contains(GithubSettings.DEFAULT_USER_AGENT);
        assertThat(first.firstValue("content-type")).isEmpty();
        assertThat(json.firstValue("content-type")).contains("application/json");
        assertThat(json.firstValue("authorization")).isEqualTo(first.firstValue("authorization"));

        token.set("gho_" + "b".repeat(36));
        HttpHeaders refreshed = step.prepared(USER, false);

        assertThat(refreshed).isNotSameAs(first);
        assertThat(refreshed.firstValue("authorization")).contains("Bearer " + token.get());
    }

    @Test
    @DisplayName("no token for another host; none prepared (so the request is refused as usual) for a token that cannot be a header")
    void tokenOnlyWhereItMayGo() {
        HttpHeaders elsewhere = step.prepared(URI.create("https://example.com/user"), false);
        assertThat(elsewhere.firstValue("authorization")).isEmpty();
        assertThat(elsewhere.firstValue("user-agent")).contains(GithubSettings.DEFAULT_USER_AGENT);

        token.set("gho_bad\r\nX-Injected: yes");
        assertThat(step.prepared(USER, false)).isNull();

        token.set(null);
        assertThat(step.prepared(USER, false)).isSameAs(elsewhere);
    }
}
