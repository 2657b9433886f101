package dev.integrations.github.sandbox;

import java.util.List;

/**
 * What a token's OAuth scopes allow (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps). A scope is granted directly or through
 * a parent scope ({@code repo} grants {@code public_repo}, {@code user} grants {@code read:user}).
 * GitHub App user tokens ({@code ghu_}) carry permissions rather than scopes; the sandbox grants
 * them every scope and lets the user's own access decide.
 */
final class Grants {

    private Grants() {
    }

    static boolean has(ApiGate.Caller caller, String scope) {
        TokenStore.AccessGrant grant = caller.grant();
        // Installation tokens (ghs_) carry permissions too; the AppsHandler checks them before routing.
        if (grant.token().startsWith("ghu_") || grant.token().startsWith("ghs_")) {
            return true;
        }
        for (String granted : grant.scopes()) {
            // Normalising drops a scope implied by another: if `scope` goes, `granted` implies it.
            if (granted.equals(scope) || !Scopes.normalise(List.of(granted, scope)).contains(scope)) {
                return true;
            }
        }
        return false;
    }
}
