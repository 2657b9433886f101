package dev.integrations.github.actions;

import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.Issue;
import dev.integrations.github.model.IssueComment;
import dev.integrations.github.model.Label;
import dev.integrations.github.ListResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issue actions against GitHub's OpenAPI description. */
class IssueActionsContractTest extends ContractTestSupport {

    @Test
    void createIssue() {
        Issue issue = github.createIssue(r -> r.owner("octocat").repo("Hello-World").title("Found a bug")
                .body("I'm having a problem with this.").labels("bug").assignees("octocat").milestone(1L));

        SpecStub.Exchange request = assertRequest("issues/create");
        assertThat(request.path()).isEqualTo("/repos/octocat/Hello-World/issues");
        assertThat(request.json().path("labels").get(0).asText()).isEqualTo("bug");
        assertThat(request.json().path("milestone").asLong()).isEqualTo(1L);
        assertIssue(issue);
    }

    @Test
    void updateIssue() {
        Issue issue = github.updateIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).state(IssueState.CLOSED)
                .stateReason(IssueStateReason.NOT_PLANNED).title("Found a bug").labels(List.of()).assignees("octocat"));

        SpecStub.Exchange request = assertRequest("issues/update");
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo("/repos/octocat/Hello-World/issues/1347");
        assertThat(request.json().path("state").asText()).isEqualTo("closed");
        assertThat(request.json().path("state_reason").asText()).isEqualTo("not_planned");
        assertThat(request.json().path("labels").isArray()).as("an empty list clears the labels").isTrue();
        assertThat(request.json().has("body")).as("unset parameters are left out").isFalse();
        assertIssue(issue);
    }

    @Test
    void addLabelsToIssue() {
        ListResult<Label> labels = github.addLabelsToIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347)
                .labels("bug", "enhancement"));

        SpecStub.Exchange request = assertRequest("issues/add-labels");
        assertThat(request.json().path("labels").size()).isEqualTo(2);
        assertThat(labels.items()).extracting(Label::name).containsExactly("bug", "enhancement");
        assertThat(labels.items().get(0).id()).isEqualTo(208045946L);
        assertThat(labels.items().get(0).color()).isEqualTo("f29513");
        assertThat(labels.items().get(0).isDefault()).isTrue();
    }

    @Test
    void createComment() {
        IssueComment comment = github.createComment(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).body("Me too"));

        SpecStub.Exchange request = assertRequest("issues/create-comment");
        assertThat(request.path()).isEqualTo("/repos/octocat/Hello-World/issues/1347/comments");
        assertThat(comment.id()).isEqualTo(1L);
        assertThat(comment.body()).isEqualTo("Me too");
        assertThat(comment.userLogin()).isEqualTo("octocat");
        assertThat(comment.htmlUrl()).isEqualTo("https://github.com/octocat/Hello-World/issues/1347#issuecomment-1");
    }

    @Test
    void findIssue() {
        Issue issue = github.findIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347)).orElseThrow();

        assertThat(assertRequest("issues/get").path()).isEqualTo("/repos/octocat/Hello-World/issues/1347");
        assertIssue(issue);
    }

    @Test
    void findIssueIsEmptyOn404() {
        stub.answer("issues/get", 404);

        assertThat(github.findIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(9999))).isEmpty();
        assertRequest("issues/get");
    }

    @Test
    void findOrCreateIssueFindsAnExactTitleWithoutCreating() {
        FindOrCreateResult<Issue> result = github.findOrCreateIssue(r -> r.owner("octocat").repo("Hello-World")
                .title("Line Number Indexes Beyond 20 Not Displayed"));

        SpecStub.Exchange search = assertRequest("search/issues-and-pull-requests");
        assertThat(search.query().get("q"))
                .isEqualTo("repo:octocat/Hello-World is:issue in:title \"Line Number Indexes Beyond 20 Not Displayed\"");
        assertThat(result.created()).isFalse();
        assertThat(result.value().number()).isEqualTo(132L);
        assertThat(result.value().title()).isEqualTo("Line Number Indexes Beyond 20 Not Displayed");
    }

    @Test
    void findOrCreateIssueCreatesWhenNoTitleMatchesExactly() {
        // The search example holds "Line Number Indexes Beyond 20 Not Displayed": a word match, not this title.
        FindOrCreateResult<Issue> result = github.findOrCreateIssue(r -> r.owner("octocat").repo("Hello-World")
                .title("Line Number \"Indexes\"").body("Details").labels("bug"));

        List<SpecStub.Exchange> requests = assertRequests("search/issues-and-pull-requests", "issues/create");
        assertThat(requests.get(0).query().get("q")).isEqualTo("repo:octocat/Hello-World is:issue in:title \"Line Number Indexes\"");
        assertThat(requests.get(1).json().path("title").asText()).isEqualTo("Line Number \"Indexes\"");
        assertThat(requests.get(1).json().path("labels").get(0).asText()).isEqualTo("bug");
        assertThat(result.created()).isTrue();
        assertIssue(result.value());
    }

    @Test
    void issueNumbersAreRequiredBeforeSending() {
        assertThatThrownBy(() -> github.findIssue(r -> r.owner("octocat").repo("Hello-World")))
                .isInstanceOf(InvalidActionArgumentsException.class)
                .hasMessage("findIssue: missing required parameter 'issueNumber' (issue_number) (a number of 1 or more)");
        assertThatThrownBy(() -> github.addLabelsToIssue(r -> r.owner("o").repo("r").issueNumber(1).labels(List.of())))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("'labels'");
        assertNothingSent();
    }

    private static void assertIssue(Issue issue) {
        assertThat(issue.id()).isEqualTo(1L);
        assertThat(issue.number()).isEqualTo(1347L);
        assertThat(issue.title()).isEqualTo("Found a bug");
        assertThat(issue.state()).isEqualTo("open");
        assertThat(issue.userLogin()).isEqualTo("octocat");
        assertThat(issue.labels()).containsExactly("bug");
        assertThat(issue.assignees()).containsExactly("octocat");
        assertThat(issue.htmlUrl()).isEqualTo("https://github.com/octocat/Hello-World/issues/1347");
        assertThat(issue.createdAt()).isEqualTo(Instant.parse("2011-04-22T13:33:48Z"));
        assertThat(issue.closedAt()).isNull();
    }
}
