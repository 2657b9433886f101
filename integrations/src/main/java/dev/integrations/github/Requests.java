package dev.integrations.github;

/** Requests the {@link GithubClient} interface's default methods send, built once. */
final class Requests {
    /** {@code GET /user}. */
    static final GithubRequest AUTHENTICATED_USER = GithubRequest.builder().method("GET").path("/user").build();

    private Requests() {
    }
}
