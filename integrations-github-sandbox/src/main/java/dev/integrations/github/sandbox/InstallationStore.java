package dev.integrations.github.sandbox;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * GitHub Apps, their installations and installation access tokens. A token ({@code ghs_…}) lives
 * one hour on the sandbox clock (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app)
 * and carries the permissions and repositories it was narrowed to; it is also registered in the
 * {@link TokenStore}, so the REST gate admits it like any other token, as the installation's account.
 */
final class InstallationStore {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** What one installation token grants: {@code repositoryIds} null means all of the installation's. */
    record InstallationGrant(String token, SandboxInstallation installation, Map<String, String> permissions,
                             @Nullable Set<Long> repositoryIds, Instant expiresAt) {
        boolean reaches(SandboxRepository repository) {
            Set<Long> narrowed = repositoryIds;
            return installation.reaches(repository) && (narrowed == null || narrowed.contains(repository.id()));
        }

        /** Whether {@code permission} is granted at {@code level} or above ({@code write} implies {@code read}). */
        boolean allows(String permission, String level) {
            String granted = permissions.get(permission);
            return granted != null && rank(granted) >= rank(level);
        }
    }

    private final Clock clock;
    private final TokenStore tokens;
    private final AtomicLong appIds = new AtomicLong(1_000);
    private final AtomicLong installationIds = new AtomicLong(50_000_000);
    private final Map<Long, SandboxGithubApp> apps = new ConcurrentHashMap<>();
    private final Map<Long, SandboxInstallation> installations = new ConcurrentHashMap<>();
    private final Map<String, InstallationGrant> grants = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> issued = new ConcurrentHashMap<>();

    InstallationStore(Clock clock, TokenStore tokens) {
        this.clock = clock;
        this.tokens = tokens;
    }

    SandboxGithubApp registerApp(String slug, SandboxUser owner, PublicKey publicKey) {
        long id = appIds.incrementAndGet();
        String lower = slug.toLowerCase(Locale.ROOT);
        for (SandboxGithubApp app : apps.values()) {
            if (app.slug().equals(lower)) {
                throw new IllegalArgumentException("A GitHub App with slug " + lower + " is already registered");
            }
        }
        SandboxGithubApp app = new SandboxGithubApp(id, lower, "Iv23li" + Secrets.authorizationCode().substring(0, 14), owner,
                publicKey, clock.instant());
        apps.put(id, app);
        return app;
    }

    SandboxInstallation install(SandboxGithubApp app, SandboxUser account, Map<String, String> permissions,
                                @Nullable Set<Long> repositoryIds) {
        if (!apps.containsKey(app.id())) {
            throw new IllegalArgumentException("App is not registered with this sandbox: " + app);
        }
        for (Map.Entry<String, String> p : permissions.entrySet()) {
            if (rank(p.getValue()) == 0) {
                throw new IllegalArgumentException("Permission levels are read, write or admin: " + p);
            }
        }
        for (SandboxInstallation existing : installations.values()) {
            if (existing.app().id() == app.id() && existing.account().id() == account.id()) {
                throw new IllegalArgumentException(app.slug() + " is already installed on " + account.login());
            }
        }
        SandboxInstallation installation = new SandboxInstallation(installationIds.incrementAndGet(), app, account,
                permissions, repositoryIds, clock.instant());
        installations.put(installation.id(), installation);
        return installation;
    }

    /** The app a JWT's {@code iss} names: its App ID (a number, or a numeric string) or its Client ID. */
    Optional<SandboxGithubApp> appByIssuer(@Nullable Object issuer) {
        if (issuer instanceof Number number) {
            return Optional.ofNullable(apps.get(number.longValue()));
        }
        if (issuer instanceof String text) {
            if (text.matches("[0-9]{1,18}")) {
                return Optional.ofNullable(apps.get(Long.parseLong(text)));
            }
            return apps.values().stream().filter(a -> a.clientId().equals(text)).findFirst();
        }
        return Optional.empty();
    }

    Optional<SandboxInstallation> installation(SandboxGithubApp app, long id) {
        return Optional.ofNullable(installations.get(id)).filter(i -> i.app().id() == app.id());
    }

    List<SandboxInstallation> installations(SandboxGithubApp app) {
        List<SandboxInstallation> list = new ArrayList<>();
        for (SandboxInstallation i : installations.values()) {
            if (i.app().id() == app.id()) {
                list.add(i);
            }
        }
        list.sort(Comparator.comparingLong(SandboxInstallation::id));
        return list;
    }

    Optional<SandboxInstallation> forAccount(SandboxGithubApp app, SandboxUser account) {
        return installations(app).stream().filter(i -> i.account().id() == account.id()).findFirst();
    }

    InstallationGrant issue(SandboxInstallation installation, Map<String, String> permissions,
                            @Nullable Set<Long> repositoryIds) {
        Instant expiresAt = clock.instant().plus(TOKEN_LIFETIME);
        String token = Secrets.token("ghs_");
        InstallationGrant grant = new InstallationGrant(token, installation, Map.copyOf(permissions),
                repositoryIds == null ? null : Set.copyOf(repositoryIds), expiresAt);
        grants.put(token, grant);
        tokens.registerInstallationToken(token, installation.account(), expiresAt);
        issued.computeIfAbsent(installation.id(), id -> new AtomicInteger()).incrementAndGet();
        return grant;
    }

    /** The grant of a live installation token; a revoked or expired one is absent. */
    Optional<InstallationGrant> grant(@Nullable String token) {
        if (token == null || !token.startsWith("ghs_") || tokens.find(token).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(grants.get(token));
    }

    int issuedCount(SandboxInstallation installation) {
        AtomicInteger count = issued.get(installation.id());
        return count == null ? 0 : count.get();
    }

    /** {@code read} &lt; {@code write} &lt; {@code admin}; anything else ranks 0. */
    static int rank(@Nullable String level) {
        if (level == null) {
            return 0;
        }
        return switch (level) {
            case "read" -> 1;
            case "write" -> 2;
            case "admin" -> 3;
            default -> 0;
        };
    }
}
