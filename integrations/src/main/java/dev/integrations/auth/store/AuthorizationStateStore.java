package dev.integrations.auth.store;

import dev.integrations.auth.oauth2.PendingAuthorization;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps pending authorizations between the redirect to the authorization server and the
 * callback. The SPI for persistent stores (several instances behind a load balancer must share
 * one); {@link InMemoryAuthorizationStateStore} is the default.
 *
 * <p>{@link #consume} is the security-critical operation: it must be atomic (two callbacks with
 * the same state: exactly one gets the pending authorization), compare states in constant time,
 * and never return an expired authorization.
 */
public interface AuthorizationStateStore {
    /**
     * Saves a pending authorization. Refuses (with {@link IllegalStateException}) a state that is
     * already pending for the provider, so one flow cannot silently replace another's verifier.
     *
     * @param pending the authorization that was started
     * @throws IllegalStateException when its state is already pending for the provider
     */
    void save(PendingAuthorization pending);

    /**
     * Removes and returns the pending authorization with this state, if there is one and it has
     * not expired at {@code now}. A state is returned at most once.
     *
     * @param provider the provider name, lower case
     * @param state the state from the callback
     * @param now the current time
     * @return the pending authorization, or empty when the state is unknown, used or expired
     */
    Optional<PendingAuthorization> consume(String provider, String state, Instant now);

    /**
     * Removes expired authorizations.
     *
     * @param now the current time
     * @return how many authorizations that expired before {@code now} were removed
     */
    int purgeExpired(Instant now);
}
