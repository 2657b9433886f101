package dev.integrations.github.actions;

/**
 * A person named on a commit the SDK makes (as author or committer of a file change). When
 * left out, GitHub uses the authenticated user.
 *
 * @param name the person's name
 * @param email the person's email address
 */
public record GitIdentity(
        @ActionParameter(value = "The person's name.", required = true) String name,
        @ActionParameter(value = "The person's email address.", required = true) String email) {
    /**
     * Checks the identity.
     *
     * @param name the person's name
     * @param email the person's email address
     * @throws InvalidActionArgumentsException when the name or the email is missing or blank
     */
    public GitIdentity {
        Arguments.requireText("GitIdentity", "name", name);
        Arguments.requireText("GitIdentity", "email", email);
    }

    /**
     * The identity with this name and email.
     *
     * @param name the person's name
     * @param email the person's email address
     * @return the identity
     */
    public static GitIdentity of(String name, String email) {
        return new GitIdentity(name, email);
    }
}
