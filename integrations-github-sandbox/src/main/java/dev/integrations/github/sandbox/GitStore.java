package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The Git data of every repository: commits (each a full snapshot of the files, path to blob),
 * branches (name to commit SHA) and the default branch {@code main}. Blob SHAs are Git's own
 * ({@code sha1("blob <size>\0" + content)}), so a client can compute the SHA it must send to
 * update a file; commit and tree SHAs are unique 40-hex digests.
 *
 * <p>A repository is initialised on first use: with one commit adding {@code README.md} on
 * {@code main}, unless it was {@linkplain #markEmpty marked empty} (created through the API
 * without {@code auto_init}), in which case it has no branch until the first file is written.
 *
 * <p>Merging is a three-way merge per file against the merge base: a file changed on both sides
 * to different contents is a conflict. Thread-safe: one lock serialises every read and write;
 * values handed out are immutable snapshots.
 *
 * <p>Why one class of about 500 lines: refs, commits, contents and merges share one lock and
 * one map of repositories; split apart, each piece would need the others' internals and the
 * locking would be spread over several files.
 */
final class GitStore {

    static final String DEFAULT_BRANCH = "main";

    /** A commit's author or committer. */
    record Person(String name, String email, Instant date) {
    }

    /** File content and its Git blob SHA. */
    record Blob(String sha, byte[] content) {
        int size() {
            return content.length;
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * A commit: a snapshot of every file.
     *
     * @param account the sandbox account that made it (rendered as the commit's GitHub author), or {@code null}
     */
    record Commit(String sha, String treeSha, List<String> parents, String message, Person author, Person committer,
                  SandboxUser account, SortedMap<String, Blob> files) {
    }

    /** The outcome of writing a file: {@code created} when the path did not exist on the branch. */
    record FileWrite(boolean created, Commit commit, Blob blob) {
    }

    /** How a head compares to a base branch. */
    record Comparison(Commit base, Commit head, int aheadBy, List<String> changedFiles, int additions, int deletions,
                      boolean conflict) {
    }

    /** Why a write was refused. */
    enum Failure {
        BRANCH_EXISTS, BRANCH_NOT_FOUND, UNKNOWN_OBJECT, SHA_REQUIRED, SHA_MISMATCH, PATH_CONFLICT, EMPTY_REPOSITORY,
        MERGE_CONFLICT, HEAD_MODIFIED
    }

    /** A refused write. */
    static final class GitException extends RuntimeException {
        private final Failure failure;
        private final String message;

        GitException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
            this.message = message;
        }

        /** Never {@code null}: every refusal says why, and the message becomes the API error's. */
        @Override
        public String getMessage() {
            return message;
        }

        Failure failure() {
            return failure;
        }
    }

    private static final class Repo {
        final SortedMap<String, String> branches = new TreeMap<>();
        final Map<String, Commit> commits = new HashMap<>();

        /**
         * A commit known to be stored: a branch head or a parent of a stored commit. Commits are
         * never removed, so a miss is a bug in the sandbox, not a bad request.
         */
        Commit commit(String sha) {
            Commit commit = commits.get(sha);
            if (commit == null) {
                throw new IllegalStateException("The sandbox lost commit " + sha);
            }
            return commit;
        }
    }

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Repo> repos = new HashMap<>();
    private final Set<Long> startEmpty = ConcurrentHashMap.newKeySet();
    private final AtomicLong nonce = new AtomicLong();

    GitStore(Clock clock) {
        this.clock = clock;
    }

    /** Makes a repository that has not been used yet start without commits. */
    void markEmpty(SandboxRepository repository) {
        startEmpty.add(repository.id());
    }

    /** Branch names to head SHAs, sorted by name. */
    SortedMap<String, String> branches(SandboxRepository repository) {
        return locked(repository, repo -> Collections.unmodifiableSortedMap(new TreeMap<>(repo.branches)));
    }

    boolean isEmpty(SandboxRepository repository) {
        return locked(repository, repo -> repo.branches.isEmpty());
    }

    Optional<Commit> head(SandboxRepository repository, String branch) {
        return locked(repository, repo -> Optional.ofNullable(repo.branches.get(branch)).map(repo.commits::get));
    }

    Optional<Commit> commit(SandboxRepository repository, String sha) {
        return locked(repository, repo -> Optional.ofNullable(repo.commits.get(sha)));
    }

    /** A branch name or commit SHA to its commit. */
    Optional<Commit> resolve(SandboxRepository repository, String ref) {
        return locked(repository, repo -> {
            String sha = repo.branches.get(ref);
            if (sha == null && ref.startsWith("refs/heads/")) {
                sha = repo.branches.get(ref.substring("refs/heads/".length()));
            }
            if (sha == null && ref.startsWith("heads/")) {
                sha = repo.branches.get(ref.substring("heads/".length()));
            }
            return Optional.ofNullable(repo.commits.get(sha != null ? sha : ref));
        });
    }

    /** Creates {@code refs/heads/branch} at {@code sha}. */
    Commit createBranch(SandboxRepository repository, String branch, String sha) {
        return locked(repository, repo -> {
            if (repo.branches.containsKey(branch)) {
                throw new GitException(Failure.BRANCH_EXISTS, "Reference already exists");
            }
            Commit commit = repo.commits.get(sha);
            if (commit == null) {
                throw new GitException(Failure.UNKNOWN_OBJECT, "Object does not exist");
            }
            repo.branches.put(branch, sha);
            return commit;
        });
    }

    /** Deletes a branch; {@code false} if there was none. */
    boolean deleteBranch(SandboxRepository repository, String branch) {
        return locked(repository, repo -> repo.branches.remove(branch) != null);
    }

    /**
     * Writes one file on {@code branch} as a new commit. Replacing an existing file needs its
     * current blob SHA ({@code expectedSha}); a new file must not be given one that does not match.
     * In an empty repository the first write creates the branch.
     */
    FileWrite putFile(SandboxRepository repository, String branch, String path, byte[] content,
                      @Nullable String expectedSha,
                      String message, Person author, Person committer, SandboxUser account) {
        return locked(repository, repo -> {
            String headSha = repo.branches.get(branch);
            if (headSha == null && !repo.branches.isEmpty()) {
                throw new GitException(Failure.BRANCH_NOT_FOUND, "Branch " + branch + " not found");
            }
            SortedMap<String, Blob> files = headSha == null ? new TreeMap<>() : new TreeMap<>(repo.commit(headSha).files());
            Blob existing = files.get(path);
            if (existing == null && isDirectoryOrUnder(files, path)) {
                throw new GitException(Failure.PATH_CONFLICT, "path " + path + " conflicts with an existing file or directory");
            }
            if (existing != null && expectedSha == null) {
                throw new GitException(Failure.SHA_REQUIRED, "Invalid request.\n\n\"sha\" wasn't supplied.");
            }
            if (expectedSha != null && (existing == null || !existing.sha().equals(expectedSha))) {
                throw new GitException(Failure.SHA_MISMATCH, path + " does not match " + expectedSha);
            }
            Blob blob = blob(content);
            files.put(path, blob);
            Commit commit = newCommit(files, headSha == null ? List.of() : List.of(headSha), message, author, committer, account);
            repo.commits.put(commit.sha(), commit);
            repo.branches.put(branch, commit.sha());
            return new FileWrite(existing == null, commit, blob);
        });
    }

    /** Compares {@code headSha} with the head of {@code baseBranch}. */
    Comparison compare(SandboxRepository repository, String baseBranch, String headSha) {
        return locked(repository, repo -> {
            Commit base = repo.commits.get(repo.branches.get(baseBranch));
            Commit head = repo.commits.get(headSha);
            if (base == null || head == null) {
                throw new GitException(Failure.BRANCH_NOT_FOUND, "No common ancestor");
            }
            return compareLocked(repo, base, head);
        });
    }

    /** Compares two commits; empty if either is unknown. */
    Optional<Comparison> compareCommits(SandboxRepository repository, String baseSha, String headSha) {
        return locked(repository, repo -> {
            Commit base = baseSha == null ? null : repo.commits.get(baseSha);
            Commit head = headSha == null ? null : repo.commits.get(headSha);
            return base == null || head == null ? Optional.empty() : Optional.of(compareLocked(repo, base, head));
        });
    }

    /**
     * Merges {@code headSha} into {@code baseBranch} ({@code merge}: a merge commit with both
     * parents; {@code squash} and {@code rebase}: one commit on top of the base) and moves the branch.
     */
    Commit merge(SandboxRepository repository, String baseBranch, String headSha, String method, String message,
                 Person committer, SandboxUser account) {
        return locked(repository, repo -> {
            Commit base = repo.commits.get(repo.branches.get(baseBranch));
            Commit head = repo.commits.get(headSha);
            if (base == null || head == null) {
                throw new GitException(Failure.BRANCH_NOT_FOUND, "Base or head branch not found");
            }
            Commit mergeBase = mergeBase(repo, base, head);
            SortedMap<String, Blob> merged = threeWay(mergeBase == null ? Map.of() : mergeBase.files(), base.files(), head.files());
            if (merged == null) {
                throw new GitException(Failure.MERGE_CONFLICT, "Merge conflict");
            }
            List<String> parents = method.equals("merge") ? List.of(base.sha(), head.sha()) : List.of(base.sha());
            Commit commit = newCommit(merged, parents, message, committer, committer, account);
            repo.commits.put(commit.sha(), commit);
            repo.branches.put(baseBranch, commit.sha());
            return commit;
        });
    }

    /**
     * Gives {@code target} (not used yet) a fresh history from {@code template}: one commit with the
     * files of its default branch, or of every branch with {@code allBranches}.
     */
    void copy(SandboxRepository template, SandboxRepository target, boolean allBranches, Person committer,
              SandboxUser account) {
        SortedMap<String, String> sourceBranches = branches(template);
        Map<String, SortedMap<String, Blob>> trees = new TreeMap<>();
        lock.lock();
        try {
            Repo source = repoLocked(template);
            for (Map.Entry<String, String> branch : sourceBranches.entrySet()) {
                if (allBranches || branch.getKey().equals(DEFAULT_BRANCH)) {
                    trees.put(branch.getKey(), source.commit(branch.getValue()).files());
                }
            }
            Repo copy = new Repo();
            for (Map.Entry<String, SortedMap<String, Blob>> tree : trees.entrySet()) {
                Commit commit = newCommit(new TreeMap<>(tree.getValue()), List.of(), "Initial commit", committer, committer, account);
                copy.commits.put(commit.sha(), commit);
                copy.branches.put(tree.getKey(), commit.sha());
            }
            repos.put(target.id(), copy);
        } finally {
            lock.unlock();
        }
    }

    /** Git's blob SHA-1 of {@code content}. */
    static Blob blob(byte[] content) {
        MessageDigest sha1 = sha1();
        sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
        sha1.update(content);
        return new Blob(HexFormat.of().formatHex(sha1.digest()), content.clone());
    }

    /** Whether {@code path} names a directory of {@code files}, or lies below one of its files. */
    static boolean isDirectoryOrUnder(Map<String, Blob> files, String path) {
        String prefix = path + "/";
        for (String existing : files.keySet()) {
            if (existing.startsWith(prefix) || path.startsWith(existing + "/")) {
                return true;
            }
        }
        return false;
    }

    private Comparison compareLocked(Repo repo, Commit base, Commit head) {
        Set<String> baseAncestors = ancestors(repo, base);
        int ahead = 0;
        for (String sha : ancestors(repo, head)) {
            if (!baseAncestors.contains(sha)) {
                ahead++;
            }
        }
        Commit mergeBase = mergeBase(repo, base, head);
        Map<String, Blob> from = mergeBase == null ? Map.of() : mergeBase.files();
        List<String> changed = new ArrayList<>();
        int additions = 0;
        int deletions = 0;
        Set<String> paths = new TreeSet<>(from.keySet());
        paths.addAll(head.files().keySet());
        for (String path : paths) {
            Blob before = from.get(path);
            Blob after = head.files().get(path);
            if (Objects.equals(before == null ? null : before.sha(), after == null ? null : after.sha())) {
                continue;
            }
            changed.add(path);
            List<String> oldLines = before == null ? List.of() : lines(before);
            List<String> newLines = after == null ? List.of() : lines(after);
            additions += missingFrom(newLines, oldLines);
            deletions += missingFrom(oldLines, newLines);
        }
        boolean conflict = threeWay(from, base.files(), head.files()) == null;
        return new Comparison(base, head, ahead, List.copyOf(changed), additions, deletions, conflict);
    }

    /** The merged files, or {@code null} on a conflict. */
    private static @Nullable SortedMap<String, Blob> threeWay(Map<String, Blob> mergeBase, Map<String, Blob> base,
                                                              Map<String, Blob> head) {
        Set<String> paths = new TreeSet<>(mergeBase.keySet());
        paths.addAll(base.keySet());
        paths.addAll(head.keySet());
        SortedMap<String, Blob> merged = new TreeMap<>();
        for (String path : paths) {
            String m = sha(mergeBase.get(path));
            String b = sha(base.get(path));
            String h = sha(head.get(path));
            Blob chosen;
            if (Objects.equals(h, m) || Objects.equals(b, h)) {
                chosen = base.get(path);
            } else if (Objects.equals(b, m)) {
                chosen = head.get(path);
            } else {
                return null;
            }
            if (chosen != null) {
                merged.put(path, chosen);
            }
        }
        return merged;
    }

    private static @Nullable String sha(@Nullable Blob blob) {
        return blob == null ? null : blob.sha();
    }

    private static @Nullable Commit mergeBase(Repo repo, Commit base, Commit head) {
        Set<String> baseAncestors = ancestors(repo, base);
        Deque<String> queue = new ArrayDeque<>(List.of(head.sha()));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String sha = queue.poll();
            if (!seen.add(sha)) {
                continue;
            }
            if (baseAncestors.contains(sha)) {
                return repo.commit(sha);
            }
            queue.addAll(repo.commit(sha).parents());
        }
        return null;
    }

    private static Set<String> ancestors(Repo repo, Commit commit) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(commit.sha()));
        while (!queue.isEmpty()) {
            String sha = queue.poll();
            if (seen.add(sha)) {
                queue.addAll(repo.commit(sha).parents());
            }
        }
        return seen;
    }

    private static List<String> lines(Blob blob) {
        String text = blob.text();
        // Like Git: "a\nb\n" is two lines, not three.
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** How many lines of {@code lines} are not matched in {@code other} (a multiset difference). */
    private static int missingFrom(List<String> lines, List<String> other) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : other) {
            counts.merge(line, 1, Integer::sum);
        }
        int missing = 0;
        for (String line : lines) {
            Integer count = counts.get(line);
            if (count == null || count == 0) {
                missing++;
            } else {
                counts.put(line, count - 1);
            }
        }
        return missing;
    }

    private Commit newCommit(SortedMap<String, Blob> files, List<String> parents, String message, Person author,
                             Person committer, SandboxUser account) {
        MessageDigest tree = sha1();
        files.forEach((path, blob) -> tree.update((path + "\0" + blob.sha() + "\n").getBytes(StandardCharsets.UTF_8)));
        String treeSha = HexFormat.of().formatHex(tree.digest());
        MessageDigest commit = sha1();
        commit.update(("commit\ntree " + treeSha + "\nparents " + parents + "\nauthor " + author + "\ncommitter " + committer
                + "\nnonce " + nonce.incrementAndGet() + "\n\n" + message).getBytes(StandardCharsets.UTF_8));
        return new Commit(HexFormat.of().formatHex(commit.digest()), treeSha, List.copyOf(parents), message, author, committer,
                account, Collections.unmodifiableSortedMap(files));
    }

    private interface LockedRead<T> {
        T apply(Repo repo);
    }

    private <T> T locked(SandboxRepository repository, LockedRead<T> action) {
        lock.lock();
        try {
            return action.apply(repoLocked(repository));
        } finally {
            lock.unlock();
        }
    }

    private Repo repoLocked(SandboxRepository repository) {
        Repo repo = repos.get(repository.id());
        if (repo != null) {
            return repo;
        }
        repo = new Repo();
        if (!startEmpty.contains(repository.id())) {
            SandboxUser owner = repository.owner();
            Person person = new Person(owner.name() != null ? owner.name() : owner.login(),
                    owner.email() != null ? owner.email() : owner.login() + "@users.noreply.github.com",
                    repository.createdAt());
            String readme = "# " + repository.name() + "\n"
                    + (repository.description() == null ? "" : "\n" + repository.description() + "\n");
            SortedMap<String, Blob> files = new TreeMap<>();
            files.put("README.md", blob(readme.getBytes(StandardCharsets.UTF_8)));
            Commit initial = newCommit(files, List.of(), "Initial commit", person, person, owner);
            repo.commits.put(initial.sha(), initial);
            repo.branches.put(DEFAULT_BRANCH, initial.sha());
        }
        repos.put(repository.id(), repo);
        return repo;
    }

    /** The time for new commits. */
    Instant now() {
        return clock.instant();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
