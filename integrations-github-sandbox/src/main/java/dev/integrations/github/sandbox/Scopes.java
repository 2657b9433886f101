package dev.integrations.github.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * OAuth scope lists as GitHub normalises them (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps): the request may be space- or
 * comma-delimited; duplicates and scopes implied by another granted scope are dropped (GitHub's
 * example: {@code user,gist,user:email} is stored as {@code user,gist}). Unknown scope names are
 * kept as sent.
 */
final class Scopes {

    /** Parent scope to the scopes it directly includes, from GitHub's scope table. */
    private static final Map<String, List<String>> IMPLIES = Map.ofEntries(
            Map.entry("repo", List.of("repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events")),
            Map.entry("admin:repo_hook", List.of("write:repo_hook")),
            Map.entry("write:repo_hook", List.of("read:repo_hook")),
            Map.entry("admin:org", List.of("write:org")),
            Map.entry("write:org", List.of("read:org")),
            Map.entry("admin:public_key", List.of("write:public_key")),
            Map.entry("write:public_key", List.of("read:public_key")),
            Map.entry("admin:gpg_key", List.of("write:gpg_key")),
            Map.entry("write:gpg_key", List.of("read:gpg_key")),
            Map.entry("user", List.of("read:user", "user:email", "user:follow")),
            Map.entry("write:packages", List.of("read:packages")),
            Map.entry("project", List.of("read:project")),
            Map.entry("codespace", List.of("codespace:secrets")),
            Map.entry("write:discussion", List.of("read:discussion")),
            Map.entry("admin:enterprise", List.of("manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise")),
            Map.entry("manage_billing:enterprise", List.of("read:enterprise")));

    private Scopes() {
    }

    /** Parses and normalises a requested scope list; {@code null} gives an empty list. */
    static List<String> parse(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String scope : requested.trim().split("[\\s,]+")) {
            if (!scope.isEmpty()) {
                distinct.add(scope);
            }
        }
        return normalise(distinct);
    }

    /** Normalises an already split list. */
    static List<String> normalise(Iterable<String> scopes) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        scopes.forEach(scope -> {
            if (scope != null && !scope.isBlank()) {
                distinct.add(scope.trim());
            }
        });
        Set<String> implied = new HashSet<>();
        for (String scope : distinct) {
            implied.addAll(impliedBy(scope));
        }
        distinct.removeAll(implied);
        return List.copyOf(distinct);
    }

    /** The form used in token responses: {@code repo,gist}. */
    static String forTokenResponse(List<String> scopes) {
        return String.join(",", scopes);
    }

    /** The form used in the {@code X-OAuth-Scopes} header: {@code repo, gist}. */
    static String forHeader(List<String> scopes) {
        return String.join(", ", scopes);
    }

    private static Set<String> impliedBy(String scope) {
        Set<String> result = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(IMPLIES.getOrDefault(scope, List.of()));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (result.add(next)) {
                pending.addAll(IMPLIES.getOrDefault(next, List.of()));
            }
        }
        return result;
    }
}
