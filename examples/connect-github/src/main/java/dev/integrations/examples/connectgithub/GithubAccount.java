package dev.integrations.examples.connectgithub;

import dev.integrations.github.model.GithubUser;

import java.util.List;
import java.util.Objects;

/**
 * What the home page shows about the signed-in user's GitHub connection.
 *
 * @param state which of the page's four panels to show
 * @param user the GitHub user, when connected
 * @param repositories their repositories, most recently updated first, when connected
 * @param problem a sentence for the user when GitHub could not be reached, else null
 */
record GithubAccount(State state, GithubUser user, List<RepositoryRow> repositories, String problem) {

    /** The connection's state, as the page presents it. */
    enum State {
        /** No stored credentials: offer "Connect GitHub". */
        NOT_CONNECTED,
        /** Stored credentials that work: show the user and their repositories. */
        CONNECTED,
        /** Stored credentials GitHub no longer accepts: offer "Reconnect GitHub". */
        NEEDS_RECONNECT,
        /** GitHub did not answer usefully; the connection is kept. */
        UNAVAILABLE
    }

    GithubAccount {
        Objects.requireNonNull(state, "state");
        repositories = List.copyOf(repositories);
    }

    static GithubAccount notConnected() {
        return new GithubAccount(State.NOT_CONNECTED, null, List.of(), null);
    }

    static GithubAccount needsReconnect() {
        return new GithubAccount(State.NEEDS_RECONNECT, null, List.of(), null);
    }

    static GithubAccount unavailable(String problem) {
        return new GithubAccount(State.UNAVAILABLE, null, List.of(), problem);
    }

    static GithubAccount connected(GithubUser user, List<RepositoryRow> repositories) {
        return new GithubAccount(State.CONNECTED, user, repositories, null);
    }

    /**
     * One line of the repository list.
     *
     * @param fullName {@code owner/name}
     * @param url the repository's page on GitHub
     * @param isPrivate whether it is private
     * @param description its description, or null
     * @param language its main language, or null
     * @param defaultBranch its default branch, or null
     * @param updated when it was last updated, in words ("3 days ago"), or null
     */
    record RepositoryRow(String fullName, String url, boolean isPrivate, String description, String language,
                         String defaultBranch, String updated) {
    }
}
