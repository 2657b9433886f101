package dev.integrations.github.actions;

import dev.integrations.github.model.CreatedPullRequest;
import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.PullRequest;
import dev.integrations.github.model.PullRequestReview;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pull request actions against GitHub's OpenAPI description. */
class PullRequestActionsContractTest extends ContractTestSupport {
    private static final String HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    @Test
    void createPullRequestWithoutMerging() {
        CreatedPullRequest created = github.createPullRequest(r -> r.owner("octocat").repo("Hello-World")
                .title("Amazing new feature").head("octocat:new-topic").base("master").body("Please pull these awesome changes")
                .draft(false).maintainerCanModify(true));

        SpecStub.Exchange request = assertRequest("pulls/create");
        assertThat(request.json().path("head").asText()).isEqualTo("octocat:new-topic");
        assertThat(request.json().path("maintainer_can_modify").asBoolean()).isTrue();
        assertThat(created.merge()).isNull();
        assertThat(created.merged()).isFalse();
        assertPullRequest(created.pullRequest());
    }

    @Test
    void createPullRequestAndMergeIt() {
        CreatedPullRequest created = github.createPullRequest(r -> r.owner("octocat").repo("Hello-World")
                .title("Amazing new feature").head("new-topic").base("master").merge(true).mergeMethod(MergeMethod.SQUASH)
                .commitTitle("Amazing new feature (#1347)").commitMessage("Squashed"));

        List<SpecStub.Exchange> requests = assertRequests("pulls/create", "pulls/merge");
        assertThat(requests.get(1).method()).isEqualTo("PUT");
        assertThat(requests.get(1).path()).isEqualTo("/repos/octocat/Hello-World/pulls/1347/merge");
        assertThat(requests.get(1).json().path("merge_method").asText()).isEqualTo("squash");
        assertThat(requests.get(1).json().path("sha").asText()).as("merges exactly the head it created").isEqualTo(HEAD_SHA);
        assertThat(created.merged()).isTrue();
        assertThat(created.merge().sha()).isEqualTo(HEAD_SHA);
        assertThat(created.merge().message()).isEqualTo("Pull Request successfully merged");
    }

    @Test
    void mergeOptionsWithoutMergeAreRefused() {
        assertThatThrownBy(() -> github.createPullRequest(r -> r.owner("o").repo("r").title("t").head("h").base("b")
                .mergeMethod(MergeMethod.REBASE)))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("'merge' set to true");
        assertThatThrownBy(() -> github.createPullRequest(r -> r.owner("o").repo("r").title("t").head("h").base("b")
                .merge(true).draft(true)))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("draft");
        assertNothingSent();
    }

    @Test
    void updatePullRequest() {
        PullRequest pull = github.updatePullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347)
                .title("new title").body("updated body").state(PullRequestState.OPEN).base("master").maintainerCanModify(true));

        SpecStub.Exchange request = assertRequest("pulls/update");
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.json().path("state").asText()).isEqualTo("open");
        assertPullRequest(pull);
    }

    @Test
    void submitReview() {
        PullRequestReview review = github.submitReview(r -> r.owner("octocat").repo("Hello-World").pullNumber(12)
                .event(ReviewEvent.REQUEST_CHANGES).body("This is close to perfect! Please address the suggested inline change.")
                .commitId("ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091"));

        SpecStub.Exchange request = assertRequest("pulls/create-review");
        assertThat(request.path()).isEqualTo("/repos/octocat/Hello-World/pulls/12/reviews");
        assertThat(request.json().path("event").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(review.id()).isEqualTo(80L);
        assertThat(review.state()).isEqualTo("CHANGES_REQUESTED");
        assertThat(review.userLogin()).isEqualTo("octocat");
        assertThat(review.commitId()).isEqualTo("ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091");
        assertThat(review.submittedAt()).isEqualTo(Instant.parse("2019-11-17T17:43:43Z"));
    }

    @Test
    void aReviewThatIsNotAnApprovalNeedsABody() {
        assertThatThrownBy(() -> github.submitReview(r -> r.owner("o").repo("r").pullNumber(1).event(ReviewEvent.COMMENT)))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("'body' is required when 'event' is COMMENT");
        github.submitReview(r -> r.owner("o").repo("r").pullNumber(1).event(ReviewEvent.APPROVE));
        assertThat(assertRequest("pulls/create-review").json().has("body")).isFalse();
    }

    @Test
    void findPullRequest() {
        PullRequest pull = github.findPullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347)).orElseThrow();

        assertThat(assertRequest("pulls/get").path()).isEqualTo("/repos/octocat/Hello-World/pulls/1347");
        assertPullRequest(pull);
    }

    @Test
    void findPullRequestIsEmptyOn404() {
        stub.answer("pulls/get", 404);

        assertThat(github.findPullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1))).isEmpty();
        assertRequest("pulls/get");
    }

    @Test
    void findOrCreatePullRequestFindsTheOpenOne() {
        FindOrCreateResult<PullRequest> result = github.findOrCreatePullRequest(r -> r.owner("octocat").repo("Hello-World")
                .head("new-topic").base("master").title("Amazing new feature"));

        SpecStub.Exchange request = assertRequest("pulls/list");
        assertThat(request.query()).containsEntry("head", "octocat:new-topic").containsEntry("base", "master")
                .containsEntry("state", "open");
        assertThat(result.created()).isFalse();
        assertThat(result.value().number()).isEqualTo(1347L);
        assertThat(result.value().headRef()).isEqualTo("new-topic");
        // The listing leaves "merged" out; merged_at says it.
        assertThat(result.value().merged()).isTrue();
    }

    @Test
    void findOrCreatePullRequestCreatesWhenNoneIsOpen() {
        stub.answer("pulls/list", 200, "[]", Map.of());

        FindOrCreateResult<PullRequest> result = github.findOrCreatePullRequest(r -> r.owner("octocat").repo("Hello-World")
                .head("fork-owner:new-topic").base("master").title("Amazing new feature").draft(true));

        List<SpecStub.Exchange> requests = assertRequests("pulls/list", "pulls/create");
        assertThat(requests.get(0).query()).containsEntry("head", "fork-owner:new-topic");
        assertThat(requests.get(1).json().path("draft").asBoolean()).isTrue();
        assertThat(result.created()).isTrue();
        assertPullRequest(result.value());
    }

    private static void assertPullRequest(PullRequest pull) {
        assertThat(pull.id()).isEqualTo(1L);
        assertThat(pull.number()).isEqualTo(1347L);
        assertThat(pull.title()).isEqualTo("Amazing new feature");
        assertThat(pull.state()).isEqualTo("open");
        assertThat(pull.draft()).isFalse();
        assertThat(pull.merged()).isFalse();
        assertThat(pull.headRef()).isEqualTo("new-topic");
        assertThat(pull.headSha()).isEqualTo(HEAD_SHA);
        assertThat(pull.headLabel()).isEqualTo("octocat:new-topic");
        assertThat(pull.baseRef()).isEqualTo("master");
        assertThat(pull.userLogin()).isEqualTo("octocat");
        assertThat(pull.htmlUrl()).isEqualTo("https://github.com/octocat/Hello-World/pull/1347");
    }
}
