package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /graphql}, for the one operation GitHub offers only there: the mutation
 * {@code changeUserStatus(input: $variable)} (GitHub's REST description has no profile-status
 * endpoint). As on GitHub, GraphQL errors come with HTTP 200 in an {@code errors} array: a token
 * without the {@code user} scope gets {@code INSUFFICIENT_SCOPES}; a message over 80 characters,
 * an emoji not written {@code :name:}, an unreadable {@code expiresAt} or an
 * {@code organizationId} that is not one of the caller's organizations are errors; so is any other
 * query or mutation. The answer holds the fields selected on {@code status} (and
 * {@code clientMutationId}); setting neither message nor emoji clears the status ({@code null}).
 * Statuses are kept per user and expire at {@code expiresAt} by the sandbox clock.
 */
final class GraphqlHandler {

    static final String DOCS = "https://docs.github.com/graphql";
    static final int MAX_MESSAGE_LENGTH = 80;

    private static final Pattern MUTATION = Pattern.compile(
            "(?:([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*)?changeUserStatus\\s*\\(\\s*input\\s*:\\s*(\\$?)([A-Za-z_][A-Za-z0-9_]*)?");
    private static final Set<String> STATUS_FIELDS = Set.of("id", "message", "emoji", "emojiHTML", "expiresAt",
            "indicatesLimitedAvailability", "updatedAt", "createdAt", "__typename");

    private final Map<Long, SandboxProfileStatus> statuses = new ConcurrentHashMap<>();
    private final OrganizationStore organizations;

    GraphqlHandler(OrganizationStore organizations) {
        this.organizations = organizations;
    }

    void register(ResourceRouter router) {
        router.add("POST", "/graphql", DOCS, "", this::execute);
    }

    /** The user's status now, if one is set and not expired at {@code now}. */
    Optional<SandboxProfileStatus> status(SandboxUser user, Instant now) {
        SandboxProfileStatus status = statuses.get(user.id());
        if (status == null || (status.expiresAt() != null && !now.isBefore(status.expiresAt()))) {
            return Optional.empty();
        }
        return Optional.of(status);
    }

    private void execute(ApiCall call) {
        JsonNode body = call.bodyObject();
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            call.respond(200, errors(error("A query attribute must be specified and must be a string.", null)));
            return;
        }
        String document = query.asText();
        Matcher matcher = MUTATION.matcher(document);
        if (!document.stripLeading().startsWith("mutation") || !matcher.find()) {
            call.respond(200, errors(error("The GitHub sandbox serves only the mutation changeUserStatus over GraphQL", "undefinedField")));
            return;
        }
        if (matcher.group(2).isEmpty() || matcher.group(3) == null) {
            call.respond(200, errors(error("The GitHub sandbox reads changeUserStatus's input from a variable only", "argumentLiteralsIncompatible")));
            return;
        }
        String responseKey = matcher.group(1) != null ? matcher.group(1) : "changeUserStatus";
        JsonNode variables = body.path("variables");
        JsonNode input = variables.isObject() ? variables.get(matcher.group(3)) : null;
        if (input == null || !input.isObject()) {
            call.respond(200, errors(error("Variable $" + matcher.group(3)
                    + " of type ChangeUserStatusInput! was provided invalid value", "variableMismatch")));
            return;
        }
        if (!call.hasScope("user")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "INSUFFICIENT_SCOPES");
            error.put("locations", List.of(Map.of("line", 1, "column", 1)));
            error.put("message", "Your token has not been granted the required scopes to execute this query. The "
                    + "'changeUserStatus' field requires one of the following scopes: ['user'], but your token has only been "
                    + "granted the: " + call.caller().grant().scopes().stream().map(s -> "'" + s + "'").toList()
                    + " scopes. Please modify your token's scopes at: https://github.com/settings/tokens.");
            call.respond(200, errors(error));
            return;
        }
        List<String> selection;
        String clientMutationIdKey;
        try {
            String payload = block(document, document.indexOf('{', matcher.end()));
            clientMutationIdKey = fields(payload).contains("clientMutationId") ? "clientMutationId" : null;
            int status = indexOfField(payload, "status");
            selection = status < 0 ? List.of() : fields(block(payload, payload.indexOf('{', status)));
        } catch (IllegalArgumentException e) {
            call.respond(200, errors(error("Parse error: " + e.getMessage(), "parseError")));
            return;
        }
        for (String field : selection) {
            if (!STATUS_FIELDS.contains(field)) {
                call.respond(200, errors(error("Field '" + field + "' doesn't exist on type 'UserStatus'", "undefinedField")));
                return;
            }
        }

        String message = text(input, "message");
        String emoji = text(input, "emoji");
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            call.respond(200, errors(unprocessable(responseKey, "Message is too long (maximum is 80 characters)")));
            return;
        }
        if (emoji != null && !emoji.matches(":[a-z0-9_+-]+:") && emoji.codePoints().allMatch(c -> c < 0x2000)) {
            call.respond(200, errors(unprocessable(responseKey, "Emoji is not valid")));
            return;
        }
        Instant expiresAt = null;
        String expires = text(input, "expiresAt");
        if (expires != null) {
            try {
                expiresAt = Instant.parse(expires);
            } catch (DateTimeParseException e) {
                call.respond(200, errors(error("Variable $" + matcher.group(3) + " of type ChangeUserStatusInput! was "
                        + "provided invalid value for expiresAt (Could not coerce value \"" + expires + "\" to DateTime)",
                        "variableMismatch")));
                return;
            }
        }
        String organizationId = text(input, "organizationId");
        if (organizationId != null && !isMembersOrganization(organizationId, call.user())) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "NOT_FOUND");
            error.put("path", List.of(responseKey));
            error.put("message", "Could not resolve to a node with the global id of '" + organizationId + "'");
            call.respond(200, errors(error));
            return;
        }
        boolean limited = input.path("limitedAvailability").asBoolean(false);

        SandboxProfileStatus status = null;
        if ((message == null || message.isEmpty()) && (emoji == null || emoji.isEmpty())) {
            statuses.remove(call.user().id());
        } else {
            status = new SandboxProfileStatus(message, emoji, expiresAt, limited, organizationId, call.now());
            statuses.put(call.user().id(), status);
        }

        Map<String, Object> payload = new LinkedHashMap<>();
        if (clientMutationIdKey != null) {
            payload.put("clientMutationId", text(input, "clientMutationId"));
        }
        payload.put("status", status == null ? null : render(status, selection, call.user()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(responseKey, payload);
        call.respond(200, Map.of("data", data));
    }

    private boolean isMembersOrganization(String nodeId, SandboxUser user) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(nodeId), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!decoded.startsWith("012:Organization")) {
            return false;
        }
        String id = decoded.substring("012:Organization".length());
        return id.matches("[0-9]{1,18}") && organizations.members(Long.parseLong(id)).stream()
                .anyMatch(m -> m.user().id() == user.id());
    }

    private static Map<String, Object> render(SandboxProfileStatus status, List<String> selection, SandboxUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String field : selection) {
            switch (field) {
                case "id" -> json.put("id", Base64.getEncoder().encodeToString(("010:UserStatus" + user.id())
                        .getBytes(StandardCharsets.UTF_8)));
                case "message" -> json.put("message", status.message());
                case "emoji" -> json.put("emoji", status.emoji());
                case "emojiHTML" -> json.put("emojiHTML", status.emoji() == null ? null
                        : "<div><g-emoji class=\"g-emoji\">" + status.emoji() + "</g-emoji></div>");
                case "expiresAt" -> json.put("expiresAt", status.expiresAt() == null ? null : GitJson.time(status.expiresAt()));
                case "indicatesLimitedAvailability" -> json.put("indicatesLimitedAvailability", status.limitedAvailability());
                case "updatedAt", "createdAt" -> json.put(field, GitJson.time(status.createdAt()));
                case "__typename" -> json.put("__typename", "UserStatus");
                default -> {
                    // validated before
                }
            }
        }
        return json;
    }

    private static @Nullable String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The text between the brace at {@code open} and its partner. */
    static String block(String text, int open) {
        if (open < 0 || text.charAt(open) != '{') {
            throw new IllegalArgumentException("expected a selection set");
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalArgumentException("unbalanced braces");
    }

    /** The field names of a selection set, at its top level. */
    static List<String> fields(String selection) {
        List<String> fields = new ArrayList<>();
        int depth = 0;
        Matcher word = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[{}]").matcher(selection);
        while (word.find()) {
            String token = word.group();
            if (token.equals("{")) {
                depth++;
            } else if (token.equals("}")) {
                depth--;
            } else if (depth == 0) {
                fields.add(token);
            }
        }
        return fields;
    }

    private static int indexOfField(String selection, String field) {
        Matcher matcher = Pattern.compile("\\b" + field + "\\b").matcher(selection);
        return matcher.find() ? matcher.end() : -1;
    }

    private static Map<String, Object> error(String message, @Nullable String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (code != null) {
            error.put("extensions", Map.of("code", code));
        }
        return error;
    }

    private static Map<String, Object> unprocessable(String path, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "UNPROCESSABLE");
        error.put("path", List.of(path));
        error.put("message", message);
        return error;
    }

    private static Map<String, Object> errors(Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("errors", List.of(error));
        return body;
    }
}
