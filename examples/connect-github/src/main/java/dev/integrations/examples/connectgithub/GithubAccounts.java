package dev.integrations.examples.connectgithub;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.core.IntegrationsException;
import dev.integrations.github.GithubClient;
import dev.integrations.github.actions.RepositorySort;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.model.Repository;
import dev.integrations.http.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a subject's GitHub connection for the home page, through the SDK only: the stored
 * credential's status, then a session ({@code auth.session(subject)}) that calls GitHub as the
 * user. Nothing here touches tokens.
 */
@Service
class GithubAccounts {

    static final String PROVIDER = "github";
    /** One page is plenty for a dashboard; GitHub's maximum page size. */
    private static final int REPOSITORIES_SHOWN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(GithubAccounts.class);

    private final AuthManager auth;
    private final Clock clock;

    GithubAccounts(AuthManager auth) {
        this.auth = auth;
        this.clock = Clock.systemUTC();
    }

    GithubAccount describe(Object subject) {
        if (subject == null) {
            return GithubAccount.notConnected();
        }
        Optional<CredentialStatus> status = auth.credentialStatus(PROVIDER, subject);
        if (status.isEmpty()) {
            return GithubAccount.notConnected();
        }
        if (status.get() == CredentialStatus.NEEDS_REAUTHORIZATION) {
            return GithubAccount.needsReconnect();
        }
        try (Integrations session = auth.session(s -> s.subject(subject))) {
            GithubClient github = session.github();
            GithubUser user = github.getAuthenticatedUser();
            List<Repository> repositories = github.listRepositories(r -> r
                    .sort(RepositorySort.UPDATED).perPage(REPOSITORIES_SHOWN)).items();
            return GithubAccount.connected(user, repositories.stream().map(this::row).toList());
        } catch (ReauthorizationRequiredException e) {
            // The refresh token was refused while opening the session: the row is now marked.
            return GithubAccount.needsReconnect();
        } catch (UnauthorizedException e) {
            // The token was revoked at GitHub (or the app's grant removed): only a new
            // authorization helps, so the page offers it rather than an error.
            return GithubAccount.needsReconnect();
        } catch (IntegrationsException e) {
            // The SDK's messages carry no secrets; still, the page shows a fixed sentence.
            LOG.warn("Reading GitHub for a signed-in user failed: {}", e.getMessage());
            return GithubAccount.unavailable("GitHub did not answer as expected. Try again in a moment.");
        }
    }

    private GithubAccount.RepositoryRow row(Repository repository) {
        return new GithubAccount.RepositoryRow(
                repository.fullName() != null ? repository.fullName() : String.valueOf(repository.name()),
                repository.htmlUrl(),
                repository.isPrivate(),
                repository.description(),
                repository.raw() != null && repository.raw().hasNonNull("language")
                        ? repository.raw().get("language").asText() : null,
                repository.defaultBranch(),
                repository.updatedAt() != null ? ago(repository.updatedAt()) : null);
    }

    /** "just now", "5 minutes ago", "3 days ago"... in the style of GitHub's own lists. */
    String ago(Instant then) {
        Duration elapsed = Duration.between(then, clock.instant());
        if (elapsed.isNegative() || elapsed.toMinutes() < 1) {
            return "just now";
        }
        if (elapsed.toHours() < 1) {
            return plural(elapsed.toMinutes(), "minute");
        }
        if (elapsed.toDays() < 1) {
            return plural(elapsed.toHours(), "hour");
        }
        if (elapsed.toDays() < 31) {
            return plural(elapsed.toDays(), "day");
        }
        if (elapsed.toDays() < 365) {
            return plural(elapsed.toDays() / 30, "month");
        }
        return plural(elapsed.toDays() / 365, "year");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s") + " ago";
    }
}
