package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.FindUserRequest;
import dev.integrations.github.actions.SetProfileStatusRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.github.GithubGraphql;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.model.ProfileStatus;
import dev.integrations.http.TransportException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.integrations.internal.github.actions.UrlPath.segment;

/**
 * The user actions behind {@link GithubClient#findUser} and {@link GithubClient#setProfileStatus}.
 * Call them through the provider.
 */
public final class UserActions {
    /**
     * GitHub's REST API has no endpoint for the profile status (the {@code PUT /user/status} some
     * SDKs call is not in GitHub's OpenAPI description), so this is the GraphQL mutation.
     */
    static final String CHANGE_USER_STATUS = """
            mutation($input: ChangeUserStatusInput!) {
              changeUserStatus(input: $input) {
                status { message emoji expiresAt indicatesLimitedAvailability updatedAt }
              }
            }""";

    private UserActions() {
    }

    /** {@code GET /users/{username}}; empty on 404. */
    public static Optional<GithubUser> findUser(GithubCore github, FindUserRequest request) {
        return Calls.findOrEmpty(() -> Calls.call(github, "findUser", Calls.get("/users/" + segment(request.username())),
                GithubUser::fromJson));
    }

    /**
     * The GraphQL mutation {@code changeUserStatus}; needs the {@code user} scope. Returns the new
     * status, or empty when the call cleared it (no message and no emoji).
     */
    public static Optional<ProfileStatus> setProfileStatus(GithubCore github, SetProfileStatusRequest request) {
        Instant expiresAt = request.expiresAt();
        Calls.Fields input = Calls.fields()
                .put("message", request.message())
                .put("emoji", request.emoji())
                .put("expiresAt", expiresAt == null ? null : expiresAt.toString())
                .put("limitedAvailability", request.limitedAvailability())
                .put("organizationId", request.organizationId());
        JsonNode data = new GithubGraphql(github).execute(CHANGE_USER_STATUS, Map.of("input", input.body()));
        JsonNode payload = data.path("changeUserStatus");
        if (!payload.isObject()) {
            throw new TransportException("setProfileStatus: GitHub's GraphQL answer has no changeUserStatus payload");
        }
        JsonNode status = payload.get("status");
        return status == null || status.isNull() ? Optional.empty() : Optional.of(ProfileStatus.fromJson(status));
    }
}
