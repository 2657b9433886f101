package org.kohsuke.github;

import java.io.IOException;

/**
 * hub4j's {@code GitHub.getMyself()} fetches {@code GET /user} once and then returns the cached
 * object, which would measure a field read. This makes the request {@code getMyself()} makes the
 * first time, through hub4j's own (package-private) request builder, on every call: the same
 * connector, headers, response handling and binding. Lives in hub4j's package for that access;
 * benchmarks only.
 */
public final class Hub4jUncached {
    private Hub4jUncached() {
    }

    /**
     * {@code GET /user} as {@code getMyself()} sends it the first time.
     *
     * @param github the client
     * @return the freshly fetched user
     * @throws IOException when the request fails
     */
    public static GHMyself fetchMyself(GitHub github) throws IOException {
        return github.createRequest().withUrlPath("/user").fetch(GHMyself.class);
    }
}
