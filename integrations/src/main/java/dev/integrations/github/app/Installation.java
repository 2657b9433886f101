package dev.integrations.github.app;

import java.util.Map;
import java.util.Objects;

/**
 * An installation of the app on a user or organization account.
 *
 * @param id the installation id, what {@code auth.installation(id)} takes
 * @param appId the App ID
 * @param accountLogin the login of the account it is installed on
 * @param accountId the account's id
 * @param targetType {@code User} or {@code Organization}
 * @param repositorySelection {@code all} or {@code selected}
 * @param permissions what the installation may do
 */
public record Installation(long id, long appId, String accountLogin, long accountId, String targetType,
                           String repositorySelection, Map<String, String> permissions) {
    /**
     * Copies the permissions.
     *
     * @param id see the record component
     * @param appId see the record component
     * @param accountLogin see the record component
     * @param accountId see the record component
     * @param targetType see the record component
     * @param repositorySelection see the record component
     * @param permissions see the record component
     */
    public Installation {
        Objects.requireNonNull(accountLogin, "accountLogin");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(repositorySelection, "repositorySelection");
        permissions = Map.copyOf(permissions);
    }
}
