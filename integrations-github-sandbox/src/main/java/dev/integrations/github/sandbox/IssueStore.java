package dev.integrations.github.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Issues, their comments, and repository labels. Issues and pull requests share one number
 * sequence per repository, as on GitHub: a pull request is an issue with
 * {@code isPullRequest} (its Git side lives in the {@link PullStore}). Every repository starts
 * with GitHub's default labels; naming an unknown label on an issue creates it, as GitHub does
 * for users with push access. Thread-safe: one lock; values are immutable snapshots.
 */
final class IssueStore {

    /** A repository label. */
    record Label(long id, String name, String color, @Nullable String description, boolean isDefault) {
    }

    /** An issue (or the issue side of a pull request). {@code labels} are label names as the repository spells them. */
    record Issue(long id, long repositoryId, int number, String title, @Nullable String body, SandboxUser user,
                 String state, @Nullable String stateReason, List<String> labels, List<SandboxUser> assignees,
                 int comments, boolean locked, Instant createdAt, Instant updatedAt, @Nullable Instant closedAt,
                 @Nullable SandboxUser closedBy, boolean isPullRequest) {

        Issue {
            labels = List.copyOf(labels);
            assignees = List.copyOf(assignees);
        }

        boolean isOpen() {
            return state.equals("open");
        }

        Issue withTitle(String value) {
            return new Issue(id, repositoryId, number, value, body, user, state, stateReason, labels, assignees, comments,
                    locked, createdAt, updatedAt, closedAt, closedBy, isPullRequest);
        }

        Issue withBody(@Nullable String value) {
            return new Issue(id, repositoryId, number, title, value, user, state, stateReason, labels, assignees, comments,
                    locked, createdAt, updatedAt, closedAt, closedBy, isPullRequest);
        }

        Issue withLabels(List<String> value) {
            return new Issue(id, repositoryId, number, title, body, user, state, stateReason, value, assignees, comments,
                    locked, createdAt, updatedAt, closedAt, closedBy, isPullRequest);
        }

        Issue withAssignees(List<SandboxUser> value) {
            return new Issue(id, repositoryId, number, title, body, user, state, stateReason, labels, value, comments,
                    locked, createdAt, updatedAt, closedAt, closedBy, isPullRequest);
        }

        /** Closed by {@code actor} at {@code at}, or reopened ({@code open}); {@code reason} as GitHub's {@code state_reason}. */
        Issue withState(boolean open, @Nullable String reason, SandboxUser actor, Instant at) {
            if (open) {
                String openReason = isPullRequest ? null : isOpen() ? stateReason : "reopened";
                return new Issue(id, repositoryId, number, title, body, user, "open", openReason,
                        labels, assignees, comments, locked, createdAt, updatedAt, null, null, isPullRequest);
            }
            if (!isOpen()) {
                return reason == null ? this : new Issue(id, repositoryId, number, title, body, user, state, reason, labels,
                        assignees, comments, locked, createdAt, updatedAt, closedAt, closedBy, isPullRequest);
            }
            // Pull requests carry no state_reason on GitHub.
            String closedReason = isPullRequest ? null : reason == null ? "completed" : reason;
            return new Issue(id, repositoryId, number, title, body, user, "closed", closedReason,
                    labels, assignees, comments, locked, createdAt, updatedAt, at, actor, isPullRequest);
        }

        Issue touched(Instant at) {
            return new Issue(id, repositoryId, number, title, body, user, state, stateReason, labels, assignees, comments,
                    locked, createdAt, at, closedAt, closedBy, isPullRequest);
        }

        Issue withComments(int value) {
            return new Issue(id, repositoryId, number, title, body, user, state, stateReason, labels, assignees, value,
                    locked, createdAt, updatedAt, closedAt, closedBy, isPullRequest);
        }
    }

    /** A comment on an issue or pull request. */
    record Comment(long id, long repositoryId, int issueNumber, SandboxUser user, String body, Instant createdAt,
                   Instant updatedAt) {
    }

    /** GitHub's default labels: name, colour, description. */
    private static final String[][] DEFAULT_LABELS = {
            {"bug", "d73a4a", "Something isn't working"},
            {"documentation", "0075ca", "Improvements or additions to documentation"},
            {"duplicate", "cfd3d7", "This issue or pull request already exists"},
            {"enhancement", "a2eeef", "New feature or request"},
            {"good first issue", "7057ff", "Good for newcomers"},
            {"help wanted", "008672", "Extra attention is needed"},
            {"invalid", "e4e669", "This doesn't seem right"},
            {"question", "d876e3", "Further information is requested"},
            {"wontfix", "ffffff", "This will not be worked on"},
    };

    private static final class Repo {
        int lastNumber;
        final TreeMap<Integer, Issue> issues = new TreeMap<>();
        final Map<String, Label> labels = new LinkedHashMap<>();
        final List<Comment> comments = new ArrayList<>();
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Repo> repos = new HashMap<>();
    private long nextIssueId = 1_000_001;
    private long nextCommentId = 2_000_001;
    private long nextLabelId = 208_045_946;

    IssueStore(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Opens an issue (or the issue side of a pull request) with the next number; unknown labels are created. */
    Issue create(long repositoryId, String title, @Nullable String body, SandboxUser user, @Nullable List<String> labels,
                 @Nullable List<SandboxUser> assignees, boolean isPullRequest) {
        lock.lock();
        try {
            Repo repo = repo(repositoryId);
            Instant now = clock.instant();
            Issue issue = new Issue(nextIssueId++, repositoryId, ++repo.lastNumber, title, body, user, "open", null,
                    labels == null ? List.of() : ensureLabelsLocked(repo, labels), assignees == null ? List.of() : assignees,
                    0, false, now, now, null, null, isPullRequest);
            repo.issues.put(issue.number(), issue);
            return issue;
        } finally {
            lock.unlock();
        }
    }

    Optional<Issue> get(long repositoryId, int number) {
        lock.lock();
        try {
            return Optional.ofNullable(repo(repositoryId).issues.get(number));
        } finally {
            lock.unlock();
        }
    }

    /** The repository's issues and pull requests, by number. */
    List<Issue> all(long repositoryId) {
        lock.lock();
        try {
            return List.copyOf(repo(repositoryId).issues.values());
        } finally {
            lock.unlock();
        }
    }

    /** Every issue and pull request of every repository that has any. */
    List<Issue> everything() {
        lock.lock();
        try {
            List<Issue> all = new ArrayList<>();
            for (Repo repo : repos.values()) {
                all.addAll(repo.issues.values());
            }
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Open issues plus open pull requests, as GitHub counts {@code open_issues_count}. */
    int openCount(long repositoryId) {
        lock.lock();
        try {
            Repo repo = repos.get(repositoryId);
            return repo == null ? 0 : (int) repo.issues.values().stream().filter(Issue::isOpen).count();
        } finally {
            lock.unlock();
        }
    }

    /** Applies {@code change} to the issue atomically and stamps {@code updated_at}; empty if there is no such issue. */
    Optional<Issue> update(long repositoryId, int number, UnaryOperator<Issue> change) {
        lock.lock();
        try {
            Repo repo = repo(repositoryId);
            Issue current = repo.issues.get(number);
            if (current == null) {
                return Optional.empty();
            }
            Issue updated = change.apply(current).touched(clock.instant());
            repo.issues.put(number, updated);
            return Optional.of(updated);
        } finally {
            lock.unlock();
        }
    }

    /** The repository's spelling of each name, creating labels that do not exist yet. */
    List<String> ensureLabels(long repositoryId, List<String> names) {
        lock.lock();
        try {
            return ensureLabelsLocked(repo(repositoryId), names);
        } finally {
            lock.unlock();
        }
    }

    /** The labels with these names, in order; unknown names are skipped. */
    List<Label> labels(long repositoryId, List<String> names) {
        lock.lock();
        try {
            Repo repo = repo(repositoryId);
            List<Label> labels = new ArrayList<>();
            for (String name : names) {
                Label label = repo.labels.get(name.toLowerCase(Locale.ROOT));
                if (label != null) {
                    labels.add(label);
                }
            }
            return labels;
        } finally {
            lock.unlock();
        }
    }

    /** Adds a comment and counts it on the issue; empty if there is no such issue. */
    Optional<Comment> addComment(long repositoryId, int number, SandboxUser user, String body) {
        lock.lock();
        try {
            Repo repo = repo(repositoryId);
            Issue issue = repo.issues.get(number);
            if (issue == null) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Comment comment = new Comment(nextCommentId++, repositoryId, number, user, body, now, now);
            repo.comments.add(comment);
            repo.issues.put(number, issue.withComments(issue.comments() + 1).touched(now));
            return Optional.of(comment);
        } finally {
            lock.unlock();
        }
    }

    List<Comment> comments(long repositoryId, int number) {
        lock.lock();
        try {
            return repo(repositoryId).comments.stream().filter(c -> c.issueNumber() == number).toList();
        } finally {
            lock.unlock();
        }
    }

    private List<String> ensureLabelsLocked(Repo repo, List<String> names) {
        List<String> canonical = new ArrayList<>();
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            Label label = repo.labels.get(key);
            if (label == null) {
                label = new Label(nextLabelId++, name, "ededed", null, false);
                repo.labels.put(key, label);
            }
            if (!canonical.contains(label.name())) {
                canonical.add(label.name());
            }
        }
        return canonical;
    }

    private Repo repo(long repositoryId) {
        return repos.computeIfAbsent(repositoryId, id -> {
            Repo repo = new Repo();
            for (String[] label : DEFAULT_LABELS) {
                repo.labels.put(label[0], new Label(nextLabelId++, label[0], label[1], label[2], true));
            }
            return repo;
        });
    }
}
