package dev.integrations.github.model;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@code createPullRequest} returns: the new pull request and, when a merge was asked for,
 * its outcome.
 *
 * @param pullRequest the pull request as GitHub returned it on creation (before any merge)
 * @param merge the merge outcome, or null when no merge was asked for
 */
public record CreatedPullRequest(PullRequest pullRequest, @Nullable MergeResult merge) {
    /**
     * Checks that the pull request is given.
     *
     * @param pullRequest the pull request as GitHub returned it on creation (before any merge)
     * @param merge the merge outcome, or null when no merge was asked for
     */
    public CreatedPullRequest {
        Objects.requireNonNull(pullRequest, "pullRequest");
    }

    /**
     * The merge outcome, when a merge was asked for.
     *
     * @return the merge outcome, or empty when no merge was asked for
     */
    public Optional<MergeResult> mergeResult() {
        return Optional.ofNullable(merge);
    }

    /**
     * Whether this call merged the pull request.
     *
     * @return true when a merge was asked for and GitHub merged it
     */
    public boolean merged() {
        return merge != null && merge.merged();
    }
}
