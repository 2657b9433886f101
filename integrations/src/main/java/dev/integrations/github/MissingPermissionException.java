package dev.integrations.github;

import dev.integrations.http.ForbiddenException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A GitHub App token or fine-grained personal access token lacks a permission: GitHub answered
 * 403 "Resource not accessible by integration" (or "... by personal access token") and listed in
 * {@code X-Accepted-GitHub-Permissions} the permission sets that would do. Each set is a map of
 * permission to level ({@code issues} to {@code write}); any one complete set is enough.
 *
 * <p>Format of the header
 * (https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors):
 * sets separated by {@code ;}, permissions within a set by {@code ,}, each {@code name=level},
 * e.g. {@code repository_projects=write; organization_projects=admin}.
 *
 * <p>A subclass of {@link ForbiddenException}, so existing handlers of 403 keep working.
 */
public class MissingPermissionException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    /** The alternative permission sets, each an unmodifiable map. */
    private final List<Map<String, String>> acceptedPermissions;

    /**
     * An exception for one error response.
     *
     * @param message what failed and which permission to request
     * @param details what the response said
     * @param acceptedPermissions the alternative permission sets, as {@link #parse} reads them
     */
    public MissingPermissionException(String message, ErrorDetails details, List<Map<String, String>> acceptedPermissions) {
        super(message, details);
        List<Map<String, String>> copy = new ArrayList<>();
        for (Map<String, String> set : acceptedPermissions) {
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(set)));
        }
        this.acceptedPermissions = List.copyOf(copy);
    }

    /**
     * The permission sets GitHub accepts for the endpoint; granting every permission of any one
     * set (at that level or higher) is enough.
     *
     * @return the sets in GitHub's order, each permission name to level ({@code read},
     *     {@code write}, {@code admin})
     */
    public List<Map<String, String>> acceptedPermissions() {
        return acceptedPermissions;
    }

    /**
     * Reads an {@code X-Accepted-GitHub-Permissions} value. Malformed entries are skipped.
     *
     * @param header the header value, or null
     * @return the alternative sets, in order; empty for null or blank
     */
    public static List<Map<String, String>> parse(@Nullable String header) {
        List<Map<String, String>> sets = new ArrayList<>();
        if (header == null) {
            return sets;
        }
        for (String alternative : header.split(";")) {
            Map<String, String> set = new LinkedHashMap<>();
            for (String pair : alternative.split(",")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = pair.substring(0, equals).trim();
                    String level = pair.substring(equals + 1).trim();
                    if (!name.isEmpty() && !level.isEmpty()) {
                        set.put(name, level);
                    }
                }
            }
            if (!set.isEmpty()) {
                sets.add(set);
            }
        }
        return sets;
    }

    /**
     * Writes permission sets the way messages show them: {@code issues=write or contents=read, pull_requests=write}.
     *
     * @param sets the sets
     * @return the text
     */
    public static String describe(List<Map<String, String>> sets) {
        List<String> parts = new ArrayList<>();
        for (Map<String, String> set : sets) {
            List<String> pairs = new ArrayList<>();
            set.forEach((name, level) -> pairs.add(name + "=" + level));
            parts.add(String.join(", ", pairs));
        }
        return String.join(" or ", parts);
    }
}
