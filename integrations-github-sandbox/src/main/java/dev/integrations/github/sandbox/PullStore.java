package dev.integrations.github.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Pull requests (their Git side: head and base branches, draft, merge state) and their reviews.
 * The issue side (number, title, body, state, labels, comments) lives in the {@link IssueStore},
 * which hands out the shared number. While a pull request is open its head and base SHAs follow
 * the branches; merging or closing freezes them.
 *
 * <p>GitHub's rules are applied here, atomically with the change they guard: 422 for a head or
 * base branch that does not exist, for no commits between them, and for a second open pull
 * request with the same head and base; merging answers 405 when the pull request is closed, a
 * draft or in conflict, and 409 when the head moved past the {@code sha} the caller named.
 * Thread-safe: one lock, taken before the issue and Git stores' locks (never the other way).
 */
final class PullStore {

    /** The Git side of a pull request. */
    record Pull(long id, long repositoryId, int number, String headRef, String baseRef, boolean draft,
                boolean maintainerCanModify, String headSha, String baseSha, boolean merged, @Nullable Instant mergedAt,
                @Nullable SandboxUser mergedBy, @Nullable String mergeCommitSha) {

        Pull with(@Nullable String newBaseRef, @Nullable Boolean newDraft, @Nullable Boolean newMaintainerCanModify) {
            return new Pull(id, repositoryId, number, headRef, newBaseRef == null ? baseRef : newBaseRef,
                    newDraft == null ? draft : newDraft,
                    newMaintainerCanModify == null ? maintainerCanModify : newMaintainerCanModify,
                    headSha, baseSha, merged, mergedAt, mergedBy, mergeCommitSha);
        }

        Pull frozen(String head, String base) {
            return new Pull(id, repositoryId, number, headRef, baseRef, draft, maintainerCanModify, head, base, merged,
                    mergedAt, mergedBy, mergeCommitSha);
        }
    }

    /** A review; {@code state} is {@code PENDING}, {@code APPROVED}, {@code CHANGES_REQUESTED} or {@code COMMENTED}. */
    record Review(long id, long repositoryId, int number, SandboxUser user, String body, String state, String commitId,
                  @Nullable Instant submittedAt) {
    }

    /** A pull request as it stands now: both sides, live SHAs (frozen once closed), and how head compares to base. */
    record View(IssueStore.Issue issue, Pull pull, String headSha, String baseSha,
                GitStore.@Nullable Comparison comparison) {
    }

    private final IssueStore issues;
    private final GitStore git;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Map<Integer, Pull>> pulls = new HashMap<>();
    private final List<Review> reviews = new ArrayList<>();
    private long nextPullId = 3_000_001;
    private long nextReviewId = 80_000_001;

    PullStore(IssueStore issues, GitStore git, Clock clock) {
        this.issues = issues;
        this.git = git;
        this.clock = clock;
    }

    /** Opens a pull request from {@code head} into {@code base}, both branches of {@code repository}. */
    View create(SandboxRepository repository, SandboxUser user, String title, @Nullable String body, String head,
                String base, boolean draft, boolean maintainerCanModify, String docs) {
        lock.lock();
        try {
            Optional<GitStore.Commit> headCommit = git.head(repository, head);
            if (headCommit.isEmpty()) {
                throw ApiError.validation(docs, ApiError.field("PullRequest", "head", "invalid"));
            }
            if (git.head(repository, base).isEmpty()) {
                throw ApiError.validation(docs, ApiError.field("PullRequest", "base", "invalid"));
            }
            for (Pull existing : repoPulls(repository.id()).values()) {
                boolean open = issues.get(repository.id(), existing.number()).map(IssueStore.Issue::isOpen).orElse(false);
                if (open && existing.headRef().equals(head) && existing.baseRef().equals(base)) {
                    throw ApiError.validation(docs, ApiError.custom("PullRequest", null,
                            "A pull request already exists for " + repository.owner().login() + ":" + head + "."));
                }
            }
            GitStore.Comparison comparison = git.compare(repository, base, headCommit.get().sha());
            if (head.equals(base) || comparison.aheadBy() == 0) {
                throw ApiError.validation(docs, ApiError.custom("PullRequest", null, "No commits between " + base + " and " + head));
            }
            IssueStore.Issue issue = issues.create(repository.id(), title, body, user, null, null, true);
            Pull pull = new Pull(nextPullId++, repository.id(), issue.number(), head, base, draft, maintainerCanModify,
                    headCommit.get().sha(), comparison.base().sha(), false, null, null, null);
            repoPulls(repository.id()).put(pull.number(), pull);
            return viewLocked(repository, issue, pull);
        } finally {
            lock.unlock();
        }
    }

    Optional<View> get(SandboxRepository repository, int number) {
        lock.lock();
        try {
            Pull pull = repoPulls(repository.id()).get(number);
            if (pull == null) {
                return Optional.empty();
            }
            return Optional.of(viewLocked(repository, issues.get(repository.id(), number).orElseThrow(), pull));
        } finally {
            lock.unlock();
        }
    }

    Optional<Pull> pull(long repositoryId, int number) {
        lock.lock();
        try {
            return Optional.ofNullable(repoPulls(repositoryId).get(number));
        } finally {
            lock.unlock();
        }
    }

    List<View> all(SandboxRepository repository) {
        lock.lock();
        try {
            List<View> views = new ArrayList<>();
            for (Pull pull : repoPulls(repository.id()).values()) {
                views.add(viewLocked(repository, issues.get(repository.id(), pull.number()).orElseThrow(), pull));
            }
            views.sort((a, b) -> Integer.compare(a.pull().number(), b.pull().number()));
            return views;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Updates a pull request: title and body (issue side), {@code state} ({@code open}/{@code closed};
     * a merged one cannot be reopened), base branch (must exist) and {@code maintainer_can_modify}.
     */
    Optional<View> update(SandboxRepository repository, int number, SandboxUser actor, @Nullable String title,
                          boolean setBody, @Nullable String body, @Nullable String state, @Nullable String base,
                          @Nullable Boolean maintainerCanModify, String docs) {
        lock.lock();
        try {
            Pull pull = repoPulls(repository.id()).get(number);
            if (pull == null) {
                return Optional.empty();
            }
            if (base != null && git.head(repository, base).isEmpty()) {
                throw ApiError.validation(docs, ApiError.custom("PullRequest", "base", "Proposed base branch '" + base
                        + "' was not found"));
            }
            if ("open".equals(state) && pull.merged()) {
                throw ApiError.validation(docs, ApiError.custom("PullRequest", "state",
                        "state cannot be changed. The pull request cannot be reopened because it has been merged."));
            }
            IssueStore.Issue before = issues.get(repository.id(), number).orElseThrow();
            Pull updated = pull.with(base, null, maintainerCanModify);
            if ("closed".equals(state) && before.isOpen()) {
                View live = viewLocked(repository, before, updated);
                updated = updated.frozen(live.headSha(), live.baseSha());
            }
            repoPulls(repository.id()).put(number, updated);
            Instant now = clock.instant();
            IssueStore.Issue issue = issues.update(repository.id(), number, i -> {
                IssueStore.Issue changed = i;
                if (title != null) {
                    changed = changed.withTitle(title);
                }
                if (setBody) {
                    changed = changed.withBody(body);
                }
                if (state != null) {
                    changed = changed.withState(state.equals("open"), null, actor, now);
                }
                return changed;
            }).orElseThrow();
            return Optional.of(viewLocked(repository, issue, updated));
        } finally {
            lock.unlock();
        }
    }

    /** Merges an open pull request; returns the new head of the base branch. */
    GitStore.Commit merge(SandboxRepository repository, int number, SandboxUser actor, String method, @Nullable String sha,
                          @Nullable String commitTitle, @Nullable String commitMessage, String docs) {
        lock.lock();
        try {
            Pull pull = repoPulls(repository.id()).get(number);
            if (pull == null) {
                throw ApiError.notFound(docs);
            }
            IssueStore.Issue issue = issues.get(repository.id(), number).orElseThrow();
            if (!issue.isOpen() || pull.merged()) {
                throw ApiError.plain(405, "Pull Request is not mergeable", docs);
            }
            if (pull.draft()) {
                throw ApiError.plain(405, "Pull Request is still a draft", docs);
            }
            Optional<GitStore.Commit> head = git.head(repository, pull.headRef());
            if (head.isEmpty() || git.head(repository, pull.baseRef()).isEmpty()) {
                throw ApiError.plain(405, "Pull Request is not mergeable", docs);
            }
            if (sha != null && !sha.equals(head.get().sha())) {
                throw ApiError.plain(409, "Head branch was modified. Review and try the merge again.", docs);
            }
            String title = commitTitle;
            String message = commitMessage;
            switch (method) {
                case "merge" -> {
                    title = title != null ? title : "Merge pull request #" + number + " from "
                            + repository.owner().login() + "/" + pull.headRef();
                    message = message != null ? message : issue.title();
                }
                case "squash" -> {
                    title = title != null ? title : issue.title() + " (#" + number + ")";
                    message = message != null ? message : head.get().message();
                }
                default -> {
                    title = head.get().message();
                    message = null;
                }
            }
            String full = message == null || message.isBlank() ? title : title + "\n\n" + message;
            Instant now = clock.instant();
            GitStore.Person committer = new GitStore.Person(actor.name() != null ? actor.name() : actor.login(),
                    actor.email() != null ? actor.email() : actor.id() + "+" + actor.login() + "@users.noreply.github.com", now);
            GitStore.Commit merged;
            try {
                merged = git.merge(repository, pull.baseRef(), head.get().sha(), method, full, committer, actor);
            } catch (GitStore.GitException e) {
                throw ApiError.plain(405, "Pull Request is not mergeable", docs);
            }
            Pull done = new Pull(pull.id(), pull.repositoryId(), number, pull.headRef(), pull.baseRef(), false,
                    pull.maintainerCanModify(), head.get().sha(), merged.parents().get(0), true, now, actor, merged.sha());
            repoPulls(repository.id()).put(number, done);
            issues.update(repository.id(), number, i -> i.withState(false, null, actor, now));
            return merged;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a review. Without an event it stays {@code PENDING} (one per user); the author cannot
     * approve or request changes on their own pull request; {@code REQUEST_CHANGES} and
     * {@code COMMENT} need a body.
     */
    Review review(SandboxRepository repository, int number, SandboxUser user, @Nullable String event,
                  @Nullable String body, @Nullable String commitId, String docs) {
        lock.lock();
        try {
            Pull pull = repoPulls(repository.id()).get(number);
            if (pull == null) {
                throw ApiError.notFound(docs);
            }
            IssueStore.Issue issue = issues.get(repository.id(), number).orElseThrow();
            String state;
            if (event == null) {
                state = "PENDING";
            } else {
                state = switch (event) {
                    case "APPROVE" -> "APPROVED";
                    case "REQUEST_CHANGES" -> "CHANGES_REQUESTED";
                    case "COMMENT" -> "COMMENTED";
                    default -> throw ApiError.simpleValidation(docs, "Event must be one of APPROVE, REQUEST_CHANGES or COMMENT");
                };
            }
            boolean author = issue.user().id() == user.id();
            if (author && state.equals("APPROVED")) {
                throw ApiError.simpleValidation(docs, "Review Can not approve your own pull request");
            }
            if (author && state.equals("CHANGES_REQUESTED")) {
                throw ApiError.simpleValidation(docs, "Review Can not request changes on your own pull request");
            }
            if ((state.equals("CHANGES_REQUESTED") || state.equals("COMMENTED")) && (body == null || body.isBlank())) {
                throw ApiError.simpleValidation(docs, "Review body is required for " + event + " events");
            }
            if (state.equals("PENDING") && reviews.stream().anyMatch(r -> r.repositoryId() == repository.id()
                    && r.number() == number && r.user().id() == user.id() && r.state().equals("PENDING"))) {
                throw ApiError.simpleValidation(docs, "User can only have one pending review per pull request");
            }
            View view = viewLocked(repository, issue, pull);
            String commit = commitId != null ? commitId : view.headSha();
            if (commitId != null && git.commit(repository, commitId).isEmpty()) {
                throw ApiError.simpleValidation(docs, "Commit id " + commitId + " could not be found");
            }
            Review review = new Review(nextReviewId++, repository.id(), number, user, body == null ? "" : body, state, commit,
                    state.equals("PENDING") ? null : clock.instant());
            reviews.add(review);
            return review;
        } finally {
            lock.unlock();
        }
    }

    List<Review> reviews(long repositoryId, int number) {
        lock.lock();
        try {
            return reviews.stream().filter(r -> r.repositoryId() == repositoryId && r.number() == number).toList();
        } finally {
            lock.unlock();
        }
    }

    private View viewLocked(SandboxRepository repository, IssueStore.Issue issue, Pull pull) {
        String headSha = pull.headSha();
        String baseSha = pull.baseSha();
        if (issue.isOpen() && !pull.merged()) {
            headSha = git.head(repository, pull.headRef()).map(GitStore.Commit::sha).orElse(headSha);
            baseSha = git.head(repository, pull.baseRef()).map(GitStore.Commit::sha).orElse(baseSha);
        }
        GitStore.Comparison comparison = git.compareCommits(repository, baseSha, headSha).orElse(null);
        return new View(issue, pull, headSha, baseSha, comparison);
    }

    private Map<Integer, Pull> repoPulls(long repositoryId) {
        return pulls.computeIfAbsent(repositoryId, id -> new HashMap<>());
    }
}
