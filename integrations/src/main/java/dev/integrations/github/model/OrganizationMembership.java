package dev.integrations.github.model;

import java.util.Objects;

/**
 * Whether a user belongs to an organization, as far as the caller may know.
 *
 * <p>GitHub only tells organization members about private memberships. When the caller is not
 * a member, GitHub redirects the check to the public membership list; then {@link #publicOnly()}
 * is true and a false {@link #member()} means "not a public member" (the user may still be a
 * private one).
 *
 * @param organization the organization login
 * @param username the user login
 * @param member whether the user is a member (a public one, when {@code publicOnly})
 * @param publicOnly whether only public membership could be checked
 */
public record OrganizationMembership(String organization, String username, boolean member, boolean publicOnly) {
    /**
     * Checks that the organization and the user are given.
     *
     * @param organization the organization login
     * @param username the user login
     * @param member whether the user is a member (a public one, when {@code publicOnly})
     * @param publicOnly whether only public membership could be checked
     */
    public OrganizationMembership {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(username, "username");
    }
}
