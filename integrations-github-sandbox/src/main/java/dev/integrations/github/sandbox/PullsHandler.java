package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Pull requests, merges and reviews:
 * <ul>
 *   <li>{@code GET|POST /repos/{owner}/{repo}/pulls}: list ({@code pull-request-simple}; open by
 *       default; {@code head=OWNER:BRANCH}, {@code base}, {@code state}, {@code sort},
 *       {@code direction}) and create (201; {@code title}, {@code head} and {@code base} required;
 *       422 for a missing branch, no commits between them, or a duplicate open pull request);</li>
 *   <li>{@code GET|PATCH /repos/{owner}/{repo}/pulls/{number}}: read and update
 *       ({@code pull-request}, with {@code mergeable} and diff statistics);</li>
 *   <li>{@code PUT .../pulls/{number}/merge}: merge ({@code merge}, {@code squash} or
 *       {@code rebase}); 405 when closed, a draft or in conflict; 409 when {@code sha} is not the
 *       head. {@code GET .../merge}: 204 when merged, else 404;</li>
 *   <li>{@code GET|POST .../pulls/{number}/reviews}: list and submit reviews.</li>
 * </ul>
 * Only pull requests within one repository are modelled (no forks): {@code head} is a branch of
 * the repository, optionally as {@code OWNER:BRANCH}.
 */
final class PullsHandler {

    static final String LIST_DOCS = "https://docs.github.com/rest/pulls/pulls#list-pull-requests";
    static final String CREATE_DOCS = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";
    static final String GET_DOCS = "https://docs.github.com/rest/pulls/pulls#get-a-pull-request";
    static final String UPDATE_DOCS = "https://docs.github.com/rest/pulls/pulls#update-a-pull-request";
    static final String MERGE_DOCS = "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request";
    static final String MERGED_DOCS = "https://docs.github.com/rest/pulls/pulls#check-if-a-pull-request-has-been-merged";
    static final String REVIEWS_DOCS = "https://docs.github.com/rest/pulls/reviews#list-reviews-for-a-pull-request";
    static final String REVIEW_DOCS = "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request";

    private final RepositoryAccess access;
    private final PullStore pulls;
    private final PullJson json;
    private final WebhookDeliveries webhooks;

    PullsHandler(RepositoryAccess access, PullStore pulls, PullJson json, WebhookDeliveries webhooks) {
        this.webhooks = webhooks;
        this.access = access;
        this.pulls = pulls;
        this.json = json;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/repos/{owner}/{repo}/pulls", LIST_DOCS, "repo", this::list)
                .add("POST", "/repos/{owner}/{repo}/pulls", CREATE_DOCS, "repo", this::create)
                .add("GET", "/repos/{owner}/{repo}/pulls/{number}", GET_DOCS, "repo", this::get)
                .add("PATCH", "/repos/{owner}/{repo}/pulls/{number}", UPDATE_DOCS, "repo", this::update)
                .add("PUT", "/repos/{owner}/{repo}/pulls/{number}/merge", MERGE_DOCS, "repo", this::merge)
                .add("GET", "/repos/{owner}/{repo}/pulls/{number}/merge", MERGED_DOCS, "repo", this::merged)
                .add("GET", "/repos/{owner}/{repo}/pulls/{number}/reviews", REVIEWS_DOCS, "repo", this::reviews)
                .add("POST", "/repos/{owner}/{repo}/pulls/{number}/reviews", REVIEW_DOCS, "repo", this::review);
    }

    private void list(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        String state = call.query().getOrDefault("state", "open");
        String head = call.query().get("head");
        String base = call.query().get("base");
        List<PullStore.View> matching = new ArrayList<>();
        for (PullStore.View view : pulls.all(repository)) {
            if (!state.equals("all") && !view.issue().state().equals(state)) {
                continue;
            }
            if (head != null && !head.isBlank() && !matchesHead(repository, view.pull(), head)) {
                continue;
            }
            if (base != null && !base.isBlank() && !view.pull().baseRef().equals(base)) {
                continue;
            }
            matching.add(view);
        }
        matching.sort(order(call.query().getOrDefault("sort", "created"), call.query().get("direction")));
        call.respondPage(matching, view -> json.simple(repository, view, call.caller()));
    }

    private void create(ApiCall call) {
        SandboxRepository repository = access.resolveForWrite(call);
        String title = call.requiredText("title", "PullRequest");
        String head = call.requiredText("head", "PullRequest");
        String base = call.requiredText("base", "PullRequest");
        String body = call.text("body", "PullRequest");
        boolean draft = call.bool("draft", false, "PullRequest");
        boolean maintainerCanModify = call.bool("maintainer_can_modify", false, "PullRequest");
        int colon = head.indexOf(':');
        if (colon >= 0) {
            if (!head.substring(0, colon).equalsIgnoreCase(repository.owner().login())) {
                throw ApiError.validation(call.docs(), ApiError.field("PullRequest", "head", "invalid"));
            }
            head = head.substring(colon + 1);
        }
        PullStore.View view = pulls.create(repository, call.user(), title, body, head, base, draft, maintainerCanModify,
                call.docs());
        call.respond(201, json.full(repository, view, call.caller()));
        webhooks.publish("pull_request", "opened", repository, Map.of("number", view.issue().number(),
                "pull_request", json.full(repository, view, call.caller())), call.user());
    }

    private void get(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        PullStore.View view = pulls.get(repository, call.intParam("number")).orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respondGet(json.full(repository, view, call.caller()));
    }

    private void update(ApiCall call) {
        SandboxRepository repository = access.resolveForWrite(call);
        int number = call.intParam("number");
        PullStore.View current = pulls.get(repository, number).orElseThrow(() -> ApiError.notFound(call.docs()));
        if (!access.hasPushAccess(call.user(), repository) && current.issue().user().id() != call.user().id()) {
            throw ApiError.of(403, "Must have push access to update this pull request.", call.docs());
        }
        String state = call.text("state", "PullRequest");
        if (state != null && !state.equals("open") && !state.equals("closed")) {
            throw ApiError.validation(call.docs(), ApiError.invalidValue("PullRequest", "state", state));
        }
        PullStore.View view = pulls.update(repository, number, call.user(), call.text("title", "PullRequest"),
                call.bodyObject().has("body"), call.text("body", "PullRequest"), state, call.text("base", "PullRequest"),
                call.bool("maintainer_can_modify", "PullRequest"), call.docs())
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respond(200, json.full(repository, view, call.caller()));
    }

    private void merge(ApiCall call) {
        SandboxRepository repository = access.resolveForPush(call);
        int number = call.intParam("number");
        String method = call.body().isNull() ? null : call.text("merge_method", "PullRequest");
        method = method == null ? "merge" : method;
        if (!List.of("merge", "squash", "rebase").contains(method)) {
            throw ApiError.validation(call.docs(), ApiError.invalidValue("PullRequest", "merge_method", method));
        }
        GitStore.Commit commit = pulls.merge(repository, number, call.user(), method, call.text("sha", "PullRequest"),
                call.text("commit_title", "PullRequest"), call.text("commit_message", "PullRequest"), call.docs());
        call.respond(200, PullJson.mergeResult(commit));
    }

    private void merged(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        boolean merged = pulls.pull(repository.id(), call.intParam("number")).map(PullStore.Pull::merged).orElse(false);
        if (!merged) {
            throw ApiError.empty(404);
        }
        call.respondEmpty(204);
    }

    private void reviews(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        int number = call.intParam("number");
        pulls.pull(repository.id(), number).orElseThrow(() -> ApiError.notFound(call.docs()));
        List<PullStore.Review> visible = pulls.reviews(repository.id(), number).stream()
                .filter(r -> !r.state().equals("PENDING") || r.user().id() == call.user().id()).toList();
        call.respondPage(visible, review -> json.review(repository, review));
    }

    private void review(ApiCall call) {
        SandboxRepository repository = access.resolveForWrite(call);
        int number = call.intParam("number");
        PullStore.Review review = pulls.review(repository, number, call.user(), call.text("event", "PullRequestReview"),
                call.text("body", "PullRequestReview"), call.text("commit_id", "PullRequestReview"), call.docs());
        call.respond(200, json.review(repository, review));
    }

    private static boolean matchesHead(SandboxRepository repository, PullStore.Pull pull, String head) {
        int colon = head.indexOf(':');
        String owner = colon < 0 ? head : head.substring(0, colon);
        if (!owner.equalsIgnoreCase(repository.owner().login())) {
            return false;
        }
        return colon < 0 || pull.headRef().equals(head.substring(colon + 1));
    }

    private static Comparator<PullStore.View> order(String sort, @Nullable String direction) {
        Comparator<PullStore.View> comparator = switch (sort.toLowerCase(Locale.ROOT)) {
            case "updated" -> Comparator.comparing(v -> v.issue().updatedAt());
            case "popularity" -> Comparator.comparingInt(v -> v.issue().comments());
            case "long-running" -> Comparator.comparing(v -> v.issue().createdAt(), Comparator.reverseOrder());
            default -> Comparator.comparing(v -> v.issue().createdAt());
        };
        comparator = comparator.thenComparingInt(v -> v.pull().number());
        return "asc".equalsIgnoreCase(direction) ? comparator : comparator.reversed();
    }
}
