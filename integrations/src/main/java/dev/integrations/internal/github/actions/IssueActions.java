package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.AddLabelsToIssueRequest;
import dev.integrations.github.actions.ClearableIssueField;
import dev.integrations.github.actions.CreateCommentRequest;
import dev.integrations.github.actions.CreateIssueRequest;
import dev.integrations.github.actions.FindIssueRequest;
import dev.integrations.github.actions.FindOrCreateIssueRequest;
import dev.integrations.github.actions.UpdateIssueRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.Issue;
import dev.integrations.github.model.IssueComment;
import dev.integrations.github.model.Label;
import dev.integrations.github.ListResult;

import java.util.Map;
import java.util.Optional;

import static dev.integrations.internal.github.actions.UrlPath.repository;

/**
 * The issue actions behind {@link GithubClient#createIssue}, {@link GithubClient#updateIssue},
 * {@link GithubClient#addLabelsToIssue}, {@link GithubClient#createComment},
 * {@link GithubClient#findIssue} and {@link GithubClient#findOrCreateIssue}. Call them
 * through the provider.
 */
public final class IssueActions {
    /** The search returns at most this many candidates; exact-title matches beyond them are not seen. */
    private static final int SEARCH_PAGE_SIZE = 100;

    private IssueActions() {
    }

    /** {@code POST /repos/{owner}/{repo}/issues}. */
    public static Issue createIssue(GithubCore github, CreateIssueRequest request) {
        Calls.Fields body = Calls.fields()
                .put("title", request.title())
                .put("body", request.body())
                .put("labels", request.labels())
                .put("assignees", request.assignees())
                .put("milestone", request.milestone());
        return Calls.call(github, "createIssue",
                Calls.withBody("POST", repository(request.owner(), request.repo()) + "/issues", body.body()), Issue::fromJson);
    }

    /**
     * {@code PATCH /repos/{owner}/{repo}/issues/{issue_number}}; fields named in
     * {@link UpdateIssueRequest#clear()} are sent as JSON null, which GitHub takes as "remove".
     */
    public static Issue updateIssue(GithubCore github, UpdateIssueRequest request) {
        Calls.Fields body = Calls.fields()
                .put("title", request.title())
                .put("body", request.body())
                .put("state", request.state())
                .put("state_reason", request.stateReason())
                .put("labels", request.labels())
                .put("assignees", request.assignees())
                .put("milestone", request.milestone())
                .putNullIf(request.clears(ClearableIssueField.MILESTONE), "milestone")
                .putNullIf(request.clears(ClearableIssueField.ASSIGNEE), "assignee")
                .putNullIf(request.clears(ClearableIssueField.BODY), "body");
        return Calls.call(github, "updateIssue",
                Calls.withBody("PATCH", issue(request.owner(), request.repo(), request.issueNumber()), body.body()),
                Issue::fromJson);
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{issue_number}/labels}: returns every label the issue now has. */
    public static ListResult<Label> addLabelsToIssue(GithubCore github, AddLabelsToIssueRequest request) {
        Calls.Fields body = Calls.fields().put("labels", request.labels());
        return Calls.call(github, "addLabelsToIssue",
                Calls.withBody("POST", issue(request.owner(), request.repo(), request.issueNumber()) + "/labels", body.body()),
                json -> ListResult.fromJson(json, null, Label::fromJson));
    }

    /** {@code POST /repos/{owner}/{repo}/issues/{issue_number}/comments}. */
    public static IssueComment createComment(GithubCore github, CreateCommentRequest request) {
        Calls.Fields body = Calls.fields().put("body", request.body());
        return Calls.call(github, "createComment",
                Calls.withBody("POST", issue(request.owner(), request.repo(), request.issueNumber()) + "/comments", body.body()),
                IssueComment::fromJson);
    }

    /** {@code GET /repos/{owner}/{repo}/issues/{issue_number}}; empty on 404 (and on 410, a deleted issue, it throws). */
    public static Optional<Issue> findIssue(GithubCore github, FindIssueRequest request) {
        return Calls.findOrEmpty(() -> Calls.call(github, "findIssue",
                Calls.get(issue(request.owner(), request.repo(), request.issueNumber())), Issue::fromJson));
    }

    /**
     * {@code GET /search/issues?q=repo:OWNER/REPO is:issue in:title "TITLE"}, keeping only an item
     * whose title is exactly the requested one (the search matches words, not whole titles);
     * when none, {@link #createIssue}.
     */
    public static FindOrCreateResult<Issue> findOrCreateIssue(GithubCore github, FindOrCreateIssueRequest request) {
        // A double quote would end the quoted phrase early; the exact comparison below makes up for dropping it.
        String phrase = request.title().replace('"', ' ').replaceAll("\\s+", " ").trim();
        String q = "repo:" + request.owner() + "/" + request.repo() + " is:issue in:title \"" + phrase + "\"";
        GithubRequest search = Calls.get("/search/issues", Map.of("q", q, "per_page", Integer.toString(SEARCH_PAGE_SIZE)));
        JsonNode result = Calls.send(github, "findOrCreateIssue", search).body();
        for (JsonNode item : result.path("items")) {
            // is:issue already keeps pull requests out, server side.
            if (request.title().equals(item.path("title").asText(null))) {
                return FindOrCreateResult.ofExisting(Calls.parse("findOrCreateIssue", search, item, Issue::fromJson));
            }
        }
        return FindOrCreateResult.ofCreated(createIssue(github, CreateIssueRequest.of(c -> c.owner(request.owner())
                .repo(request.repo()).title(request.title()).body(request.body()).labels(request.labels())
                .assignees(request.assignees()))));
    }

    private static String issue(String owner, String repo, long number) {
        return repository(owner, repo) + "/issues/" + number;
    }
}
