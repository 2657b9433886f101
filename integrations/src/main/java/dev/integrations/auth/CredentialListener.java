package dev.integrations.auth;

/**
 * Receives {@link CredentialEvent}s, for metrics, audit logs and webhooks. Called synchronously on
 * the thread that caused the event, after the store write; keep it fast and do not throw (an
 * exception is logged and otherwise ignored).
 */
@FunctionalInterface
public interface CredentialListener {
    /**
     * Handles one event.
     *
     * @param event what happened; carries no token
     */
    void onEvent(CredentialEvent event);
}
