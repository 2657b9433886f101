package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Issues, their comments and labels:
 * <ul>
 *   <li>{@code GET|POST /repos/{owner}/{repo}/issues}: list (open by default, newest first,
 *       pull requests included as on GitHub; {@code state}, {@code labels}, {@code creator},
 *       {@code assignee}, {@code sort}, {@code direction}), and create (201; {@code title}
 *       required);</li>
 *   <li>{@code GET|PATCH /repos/{owner}/{repo}/issues/{number}}: read (404 if missing) and update
 *       (title, body, {@code state} with {@code state_reason}, labels and assignees replaced);</li>
 *   <li>{@code GET|POST .../issues/{number}/comments}: list and add (201; {@code body} required);</li>
 *   <li>{@code GET|POST .../issues/{number}/labels}: list and add (200, every label the issue now
 *       has); unknown labels are created.</li>
 * </ul>
 * Anyone who can see a repository may open issues and comment ({@code public_repo} or
 * {@code repo} scope); labels, assignees and milestones need push access and are silently
 * dropped otherwise, as GitHub documents. Assignees must have push access (422 otherwise).
 * Milestones are not modelled: any non-null milestone is 422. A repository created with
 * {@code has_issues: false} answers 410 "Issues are disabled for this repo" to new issues.
 */
final class IssuesHandler {

    static final String LIST_DOCS = "https://docs.github.com/rest/issues/issues#list-repository-issues";
    static final String CREATE_DOCS = "https://docs.github.com/rest/issues/issues#create-an-issue";
    static final String GET_DOCS = "https://docs.github.com/rest/issues/issues#get-an-issue";
    static final String UPDATE_DOCS = "https://docs.github.com/rest/issues/issues#update-an-issue";
    static final String COMMENTS_DOCS = "https://docs.github.com/rest/issues/comments#list-issue-comments";
    static final String CREATE_COMMENT_DOCS = "https://docs.github.com/rest/issues/comments#create-an-issue-comment";
    static final String LABELS_DOCS = "https://docs.github.com/rest/issues/labels#list-labels-for-an-issue";
    static final String ADD_LABELS_DOCS = "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue";

    private final RepositoryAccess access;
    private final IssueStore issues;
    private final IssueJson json;
    private final Directory directory;
    private final WebhookDeliveries webhooks;

    IssuesHandler(RepositoryAccess access, IssueStore issues, IssueJson json, Directory directory, WebhookDeliveries webhooks) {
        this.access = access;
        this.issues = issues;
        this.json = json;
        this.directory = directory;
        this.webhooks = webhooks;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/repos/{owner}/{repo}/issues", LIST_DOCS, "repo", this::list)
                .add("POST", "/repos/{owner}/{repo}/issues", CREATE_DOCS, "repo", this::create)
                .add("GET", "/repos/{owner}/{repo}/issues/{number}", GET_DOCS, "repo", this::get)
                .add("PATCH", "/repos/{owner}/{repo}/issues/{number}", UPDATE_DOCS, "repo", this::update)
                .add("GET", "/repos/{owner}/{repo}/issues/{number}/comments", COMMENTS_DOCS, "repo", this::comments)
                .add("POST", "/repos/{owner}/{repo}/issues/{number}/comments", CREATE_COMMENT_DOCS, "repo", this::comment)
                .add("GET", "/repos/{owner}/{repo}/issues/{number}/labels", LABELS_DOCS, "repo", this::labels)
                .add("POST", "/repos/{owner}/{repo}/issues/{number}/labels", ADD_LABELS_DOCS, "repo", this::addLabels);
    }

    private void list(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        String state = call.query().getOrDefault("state", "open");
        String labels = call.query().get("labels");
        String creator = call.query().get("creator");
        String assignee = call.query().get("assignee");
        List<IssueStore.Issue> matching = new ArrayList<>();
        for (IssueStore.Issue issue : issues.all(repository.id())) {
            if (!state.equals("all") && !issue.state().equals(state)) {
                continue;
            }
            if (labels != null && !labels.isBlank() && !hasLabels(issue, labels.split(","))) {
                continue;
            }
            if (creator != null && !issue.user().login().equalsIgnoreCase(creator)) {
                continue;
            }
            if (assignee != null && !assignee.equals("*") && !(assignee.equals("none") && issue.assignees().isEmpty())
                    && issue.assignees().stream().noneMatch(u -> u.login().equalsIgnoreCase(assignee))) {
                continue;
            }
            if (assignee != null && assignee.equals("*") && issue.assignees().isEmpty()) {
                continue;
            }
            matching.add(issue);
        }
        matching.sort(order(call.query().getOrDefault("sort", "created"), call.query().get("direction")));
        call.respondPage(matching, issue -> json.issue(repository, issue));
    }

    private void create(ApiCall call) {
        SandboxRepository repository = access.resolveForWrite(call);
        if (!access.settings().of(repository).hasIssues()) {
            throw ApiError.of(410, "Issues are disabled for this repo", call.docs());
        }
        String title = call.requiredText("title", "Issue");
        String body = call.text("body", "Issue");
        boolean push = access.hasPushAccess(call.user(), repository);
        List<String> labels = null;
        List<SandboxUser> assignees = null;
        if (push) {
            checkMilestone(call);
            labels = call.names("labels", "Issue");
            assignees = assignees(call, repository);
        }
        IssueStore.Issue issue = issues.create(repository.id(), title, body, call.user(), labels, assignees, false);
        call.respond(201, json.issue(repository, issue));
        webhooks.publish("issues", "opened", repository, Map.of("issue", WebhookDeliveries.webhookIssue(json.issue(repository, issue))), call.user());
    }

    private void get(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        IssueStore.Issue issue = issues.get(repository.id(), call.intParam("number"))
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respondGet(json.issue(repository, issue));
    }

    private void update(ApiCall call) {
        SandboxRepository repository = access.resolveForWrite(call);
        int number = call.intParam("number");
        IssueStore.Issue current = issues.get(repository.id(), number).orElseThrow(() -> ApiError.notFound(call.docs()));
        boolean push = access.hasPushAccess(call.user(), repository);
        if (!push && current.user().id() != call.user().id()) {
            throw ApiError.of(403, "Must have push access to update this issue.", call.docs());
        }
        ObjectNode body = call.bodyObject();
        String title = call.text("title", "Issue");
        boolean setBody = body.has("body");
        String text = call.text("body", "Issue");
        String state = call.text("state", "Issue");
        if (state != null && !state.equals("open") && !state.equals("closed")) {
            throw ApiError.validation(call.docs(), ApiError.invalidValue("Issue", "state", state));
        }
        String reason = call.text("state_reason", "Issue");
        if (reason != null && !List.of("completed", "not_planned", "duplicate", "reopened").contains(reason)) {
            throw ApiError.validation(call.docs(), ApiError.invalidValue("Issue", "state_reason", reason));
        }
        List<String> labels = null;
        List<SandboxUser> assignees = null;
        if (push) {
            checkMilestone(call);
            List<String> names = call.names("labels", "Issue");
            labels = names == null ? null : issues.ensureLabels(repository.id(), names);
            assignees = assignees(call, repository);
        }
        List<String> newLabels = labels;
        List<SandboxUser> newAssignees = assignees;
        SandboxUser actor = call.user();
        IssueStore.Issue updated = issues.update(repository.id(), number, issue -> {
            IssueStore.Issue changed = issue;
            if (title != null) {
                changed = changed.withTitle(title);
            }
            if (setBody) {
                changed = changed.withBody(text);
            }
            if (newLabels != null) {
                changed = changed.withLabels(newLabels);
            }
            if (newAssignees != null) {
                changed = changed.withAssignees(newAssignees);
            }
            if (state != null) {
                changed = changed.withState(state.equals("open"), reason, actor, call.now());
            }
            return changed;
        }).orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respond(200, json.issue(repository, updated));
    }

    private void comments(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        int number = call.intParam("number");
        issues.get(repository.id(), number).orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respondPage(issues.comments(repository.id(), number), comment -> json.comment(repository, comment));
    }

    private void comment(ApiCall call) {
        SandboxRepository repository = access.resolveForWrite(call);
        int number = call.intParam("number");
        issues.get(repository.id(), number).orElseThrow(() -> ApiError.notFound(call.docs()));
        String body = call.requiredText("body", "IssueComment");
        IssueStore.Comment comment = issues.addComment(repository.id(), number, call.user(), body)
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respond(201, json.comment(repository, comment));
        webhooks.publish("issue_comment", "created", repository, Map.of("issue", WebhookDeliveries.webhookIssue(json.issue(repository,
                issues.get(repository.id(), number).orElseThrow())), "comment", json.comment(repository, comment)), call.user());
    }

    private void labels(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        IssueStore.Issue issue = issues.get(repository.id(), call.intParam("number"))
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respondPage(issues.labels(repository.id(), issue.labels()), label -> json.label(repository, label));
    }

    private void addLabels(ApiCall call) {
        SandboxRepository repository = access.resolveForPush(call);
        int number = call.intParam("number");
        issues.get(repository.id(), number).orElseThrow(() -> ApiError.notFound(call.docs()));
        JsonNode body = call.body();
        JsonNode list = body.isArray() ? body : body.isObject() ? body.get("labels") : null;
        if (body.isTextual()) {
            list = SandboxExchange.mapper().createArrayNode().add(body.asText());
        }
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            throw ApiError.validation(call.docs(), ApiError.field("Label", "labels", "missing_field"));
        }
        List<String> names = issues.ensureLabels(repository.id(), call.namesOf(list, "labels", "Label"));
        IssueStore.Issue updated = issues.update(repository.id(), number, issue -> {
            List<String> all = new ArrayList<>(issue.labels());
            for (String name : names) {
                if (all.stream().noneMatch(existing -> existing.equalsIgnoreCase(name))) {
                    all.add(name);
                }
            }
            return issue.withLabels(all);
        }).orElseThrow(() -> ApiError.notFound(call.docs()));
        List<Object> labels = new ArrayList<>();
        for (IssueStore.Label label : issues.labels(repository.id(), updated.labels())) {
            labels.add(json.label(repository, label));
        }
        call.respond(200, labels);
    }

    /** {@code assignees} (or the closing-down {@code assignee}) as users with push access; 422 for anyone else. */
    private @Nullable List<SandboxUser> assignees(ApiCall call, SandboxRepository repository) {
        List<String> logins = call.names("assignees", "Issue");
        String single = call.text("assignee", "Issue");
        if (logins == null && single == null) {
            return call.bodyObject().has("assignees") || call.bodyObject().has("assignee") ? List.of() : null;
        }
        List<String> all = new ArrayList<>(logins == null ? List.of() : logins);
        if (single != null && all.stream().noneMatch(single::equalsIgnoreCase)) {
            all.add(0, single);
        }
        List<SandboxUser> users = new ArrayList<>();
        for (String login : all) {
            Optional<SandboxUser> user = directory.userByLogin(login)
                    .filter(u -> !access.organizations().isOrganization(u))
                    .filter(u -> access.hasPushAccess(u, repository));
            if (user.isEmpty()) {
                throw ApiError.validation(call.docs(), ApiError.invalidValue("Issue", "assignees", login));
            }
            if (users.stream().noneMatch(u -> u.id() == user.get().id())) {
                users.add(user.get());
            }
        }
        return users;
    }

    private static void checkMilestone(ApiCall call) {
        JsonNode milestone = call.bodyObject().get("milestone");
        if (milestone != null && !milestone.isNull()) {
            throw ApiError.validation(call.docs(), ApiError.invalidValue("Issue", "milestone", milestone.asText()));
        }
    }

    private static boolean hasLabels(IssueStore.Issue issue, String[] wanted) {
        for (String name : wanted) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty() && issue.labels().stream().noneMatch(l -> l.equalsIgnoreCase(trimmed))) {
                return false;
            }
        }
        return true;
    }

    static Comparator<IssueStore.Issue> order(String sort, @Nullable String direction) {
        Comparator<IssueStore.Issue> comparator = switch (sort.toLowerCase(Locale.ROOT)) {
            case "updated" -> Comparator.comparing(IssueStore.Issue::updatedAt);
            case "comments" -> Comparator.comparingInt(IssueStore.Issue::comments);
            default -> Comparator.comparing(IssueStore.Issue::createdAt);
        };
        comparator = comparator.thenComparingInt(IssueStore.Issue::number);
        return "asc".equalsIgnoreCase(direction) ? comparator : comparator.reversed();
    }
}
