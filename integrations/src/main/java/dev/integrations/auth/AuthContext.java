package dev.integrations.auth;

import dev.integrations.ClientContext;
import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.http.HttpTransport;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link AuthProvider} is built with: the {@link AuthManager}'s shared transport, clock,
 * environment and authorization-state store.
 *
 * @param transport the shared HTTP transport (one {@code HttpClient} per {@code AuthManager})
 * @param clock the clock for expiry decisions
 * @param environment the environment variables to read
 * @param stateStore where pending authorizations are kept
 * @param authorizationTtl how long a pending authorization stays valid
 */
public record AuthContext(HttpTransport transport, Clock clock, Map<String, String> environment,
                          AuthorizationStateStore stateStore, Duration authorizationTtl) {
    public AuthContext {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stateStore, "stateStore");
        Objects.requireNonNull(authorizationTtl, "authorizationTtl");
    }

    /** The same transport, clock and environment, as API clients are built with. */
    public ClientContext clientContext() {
        return new ClientContext(transport, clock, environment);
    }
}
