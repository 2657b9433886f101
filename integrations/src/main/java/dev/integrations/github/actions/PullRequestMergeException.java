package dev.integrations.github.actions;

import dev.integrations.core.IntegrationsException;
import dev.integrations.github.model.PullRequest;

import java.util.Objects;

/**
 * {@code createPullRequest} with {@code merge} opened the pull request, but merging it failed.
 * The pull request exists on GitHub and stays open; {@link #pullRequest()} says which one, so that
 * it is not lost, and {@link #mergeFailure()} says why the merge failed: typically a
 * {@link dev.integrations.http.MethodNotAllowedException} (405: not mergeable, e.g. a conflict or
 * branch protection) or a {@link dev.integrations.http.ConflictException} (409: the head branch
 * moved after the pull request was opened). Do not create it again: merge it once the cause is
 * fixed, or close it.
 */
public class PullRequestMergeException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** Not serialised: the exception is for the caller at hand, and the record is not Serializable. */
    private final transient PullRequest pullRequest;

    /**
     * An exception for a pull request that was created but not merged.
     *
     * @param message what happened and what to do
     * @param pullRequest the pull request that was created
     * @param cause why the merge failed
     */
    public PullRequestMergeException(String message, PullRequest pullRequest, IntegrationsException cause) {
        super(message, Objects.requireNonNull(cause, "cause"));
        this.pullRequest = Objects.requireNonNull(pullRequest, "pullRequest");
    }

    /**
     * The pull request that was created.
     *
     * @return the created pull request, still open on GitHub
     */
    public PullRequest pullRequest() {
        return pullRequest;
    }

    /**
     * Why the merge failed.
     *
     * @return the exception the merge request ended with (also {@link #getCause()})
     */
    public IntegrationsException mergeFailure() {
        // The constructor requires a cause, and nothing replaces it afterwards.
        return (IntegrationsException) Objects.requireNonNull(getCause());
    }
}
