package dev.integrations.internal.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Link headers (RFC 8288) as GitHub writes them")
class LinkHeaderTest {
    private static final URI BASE = URI.create("https://api.github.com/user/repos?page=3");

    @Test
    @DisplayName("reads every relation of GitHub's header, keeping URLs exactly as written")
    void readsGithubsHeader() {
        LinkHeader links = LinkHeader.parse("<https://api.github.com/repositories/1300192/issues?page=2>; rel=\"prev\", "
                + "<https://api.github.com/repositories/1300192/issues?page=4>; rel=\"next\", "
                + "<https://api.github.com/repositories/1300192/issues?page=515>; rel=\"last\", "
                + "<https://api.github.com/repositories/1300192/issues?page=1>; rel=\"first\"", BASE);

        assertThat(links.asMap()).containsOnlyKeys("prev", "next", "last", "first");
        assertThat(links.get("next")).contains(URI.create("https://api.github.com/repositories/1300192/issues?page=4"));
        assertThat(links.get("LAST")).contains(URI.create("https://api.github.com/repositories/1300192/issues?page=515"));
    }

    @Test
    @DisplayName("cursor URLs with commas and encoded characters survive untouched")
    void cursorUrlsAreKept() {
        String next = "https://api.github.com/orgs/o/audit-log?after=MS4yNTYxNjg2Mjg1MDJlKzEyfElaX3ZQZ0RoUVZpcWdWOW9MOGQ3QlE%3D&before=";
        LinkHeader links = LinkHeader.parse("<" + next + ">; rel=\"next\", <https://x.example/a,b?c=1,2>; rel=\"alt\"", BASE);

        assertThat(links.get("next")).map(URI::toString).contains(next);
        assertThat(links.get("alt")).map(URI::toString).contains("https://x.example/a,b?c=1,2");
    }

    @Test
    @DisplayName("relative targets resolve against the response URI; unquoted and multiple rels work")
    void relativeAndMultipleRels() {
        LinkHeader links = LinkHeader.parse("</user/repos?page=4>; rel=next, </user/repos?page=1>; rel=\"first start\"", BASE);

        assertThat(links.get("next")).contains(URI.create("https://api.github.com/user/repos?page=4"));
        assertThat(links.get("first")).isEqualTo(links.get("start"));
    }

    @Test
    @DisplayName("absent or malformed headers give no links instead of failing")
    void malformedIsEmpty() {
        assertThat(LinkHeader.parse(null, BASE).asMap()).isEmpty();
        assertThat(LinkHeader.parse("garbage", BASE).asMap()).isEmpty();
        assertThat(LinkHeader.parse("<https://x.example/ok>; rel=\"next\", <unterminated", BASE).get("next")).isPresent();
        assertThat(LinkHeader.parse("<https://x.example/no-rel>; title=\"x\"", BASE).asMap()).isEmpty();
    }
}
