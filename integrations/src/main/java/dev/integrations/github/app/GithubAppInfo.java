package dev.integrations.github.app;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated app, as {@code GET /app} describes it.
 *
 * @param id the App ID
 * @param slug the URL-friendly name
 * @param name the display name
 * @param clientId the Client ID, or null when GitHub did not send it
 * @param ownerLogin the login of the account that owns the app, or null when not sent
 */
public record GithubAppInfo(long id, String slug, String name, @Nullable String clientId, @Nullable String ownerLogin) {
    /**
     * Checks the required values.
     *
     * @param id see the record component
     * @param slug see the record component
     * @param name see the record component
     * @param clientId see the record component
     * @param ownerLogin see the record component
     */
    public GithubAppInfo {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
    }
}
