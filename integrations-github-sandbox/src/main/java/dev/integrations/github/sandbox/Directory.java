package dev.integrations.github.sandbox;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** The registered OAuth apps and user accounts of one sandbox. */
final class Directory {

    private final Map<String, SandboxApp> appsByClientId = new ConcurrentHashMap<>();
    private final Map<String, SandboxUser> usersByLogin = new ConcurrentHashMap<>();
    private final Map<Long, SandboxUser> usersById = new ConcurrentHashMap<>();
    private final AtomicLong nextUserId = new AtomicLong(1);
    private final Clock clock;

    Directory(Clock clock) {
        this.clock = clock;
    }

    SandboxApp register(SandboxApp app) {
        Objects.requireNonNull(app, "app");
        if (appsByClientId.putIfAbsent(app.clientId(), app) != null) {
            throw new IllegalArgumentException("An app with client id " + app.clientId() + " is already registered");
        }
        return app;
    }

    Optional<SandboxApp> app(@Nullable String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(appsByClientId.get(clientId));
    }

    SandboxUser registerUser(String login, @Nullable String name, @Nullable String email) {
        Objects.requireNonNull(login, "login");
        SandboxUser.checkLogin(login);
        String key = login.toLowerCase(Locale.ROOT);
        // The id is taken inside the map's atomic insert so that a rejected duplicate burns no id.
        SandboxUser[] created = new SandboxUser[1];
        usersByLogin.compute(key, (k, existing) -> {
            if (existing != null) {
                throw new IllegalArgumentException("A user with login " + login + " is already registered");
            }
            created[0] = new SandboxUser(nextUserId.getAndIncrement(), login, name, email, clock.instant());
            return created[0];
        });
        usersById.put(created[0].id(), created[0]);
        return created[0];
    }

    Optional<SandboxUser> userByLogin(@Nullable String login) {
        return login == null ? Optional.empty() : Optional.ofNullable(usersByLogin.get(login.toLowerCase(Locale.ROOT)));
    }

    boolean isRegistered(SandboxUser user) {
        return user != null && user.equals(usersById.get(user.id()));
    }
}
