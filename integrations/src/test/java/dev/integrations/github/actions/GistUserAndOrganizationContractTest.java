package dev.integrations.github.actions;

import dev.integrations.github.client.GithubClients;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.GraphqlException;
import dev.integrations.github.model.Gist;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.model.Organization;
import dev.integrations.github.model.OrganizationMembership;
import dev.integrations.github.model.ProfileStatus;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gists, users, organizations and GraphQL against GitHub's OpenAPI description (and GraphQL's documented shape). */
class GistUserAndOrganizationContractTest extends ContractTestSupport {
    /** The input fields of GitHub's GraphQL {@code ChangeUserStatusInput}. */
    private static final Set<String> CHANGE_USER_STATUS_INPUT = Set.of("clientMutationId", "emoji", "expiresAt",
            "limitedAvailability", "message", "organizationId");

    @Test
    void createGist() {
        Gist gist = github.createGist(r -> r.description("Example Ruby script").isPublic(true)
                .file("hello.rb", "puts \"Hello, World!\"").file("README.md", "Hello world from GitHub"));

        SpecStub.Exchange request = assertRequest("gists/create");
        assertThat(request.json().path("files").path("hello.rb").path("content").asText()).isEqualTo("puts \"Hello, World!\"");
        assertThat(request.json().path("public").asBoolean()).isTrue();
        assertThat(gist.id()).isEqualTo("2decf6c462d9b4418f2");
        assertThat(gist.description()).isEqualTo("An updated gist description.");
        assertThat(gist.isPublic()).isTrue();
        assertThat(gist.files()).containsExactly("README.md");
        assertThat(gist.ownerLogin()).isEqualTo("monalisa");
        assertThat(gist.htmlUrl()).isEqualTo("https://gist.github.com/2decf6c462d9b4418f2");
    }

    @Test
    void getAuthenticatedUser() {
        GithubUser me = github.getAuthenticatedUser();

        assertRequest("users/get-authenticated");
        assertThat(me.id()).isEqualTo(1L);
        assertThat(me.login()).isEqualTo("octocat");
        assertThat(me.name()).isEqualTo("monalisa octocat");
    }

    @Test
    void findUser() {
        GithubUser user = github.findUser(r -> r.username("octocat")).orElseThrow();

        assertThat(assertRequest("users/get-by-username").path()).isEqualTo("/users/octocat");
        assertThat(user.id()).isEqualTo(1L);
        assertThat(user.login()).isEqualTo("octocat");
        assertThat(user.type()).isEqualTo("User");
        assertThat(user.publicRepos()).isEqualTo(2L);
        assertThat(user.createdAt()).isEqualTo(Instant.parse("2008-01-14T04:33:35Z"));
    }

    @Test
    void findUserIsEmptyOn404() {
        stub.answer("users/get-by-username", 404);

        assertThat(github.findUser(r -> r.username("nobody-here"))).isEmpty();
        assertRequest("users/get-by-username");
    }

    @Test
    void findOrganization() {
        Organization org = github.findOrganization(r -> r.org("github")).orElseThrow();

        assertThat(assertRequest("orgs/get").path()).isEqualTo("/orgs/github");
        assertThat(org.id()).isEqualTo(1L);
        assertThat(org.login()).isEqualTo("github");
        assertThat(org.name()).isEqualTo("github");
        assertThat(org.description()).isEqualTo("A great organization");
        assertThat(org.publicRepos()).isEqualTo(2L);
    }

    @Test
    void findOrganizationIsEmptyOn404() {
        stub.answer("orgs/get", 404);

        assertThat(github.findOrganization(r -> r.org("missing"))).isEmpty();
        assertRequest("orgs/get");
    }

    @Test
    void membershipOfAMember() {
        OrganizationMembership membership = github.checkOrganizationMembership(r -> r.org("github").username("octocat"));

        assertThat(assertRequest("orgs/check-membership-for-user").path()).isEqualTo("/orgs/github/members/octocat");
        assertThat(membership).isEqualTo(new OrganizationMembership("github", "octocat", true, false));
    }

    @Test
    void membershipOfANonMember() {
        stub.answer("orgs/check-membership-for-user", 404);

        OrganizationMembership membership = github.checkOrganizationMembership(r -> r.org("github").username("octocat"));

        assertRequest("orgs/check-membership-for-user");
        assertThat(membership.member()).isFalse();
        assertThat(membership.publicOnly()).isFalse();
    }

    @Test
    void membershipSeenFromOutsideTheOrganizationChecksPublicMembership() {
        stub.answer("orgs/check-membership-for-user", 302, null,
                Map.of("Location", stub.baseUrl() + "/orgs/github/public_members/octocat"));

        OrganizationMembership membership = github.checkOrganizationMembership(r -> r.org("github").username("octocat"));

        assertRequests("orgs/check-membership-for-user", "orgs/check-public-membership-for-user");
        assertThat(membership).isEqualTo(new OrganizationMembership("github", "octocat", true, true));
    }

    @Test
    void membershipSeenFromOutsideTheOrganizationOfAPrivateOrNonMember() {
        stub.answer("orgs/check-membership-for-user", 302, null,
                Map.of("Location", stub.baseUrl() + "/orgs/github/public_members/octocat"));
        stub.answer("orgs/check-public-membership-for-user", 404);

        OrganizationMembership membership = github.checkOrganizationMembership(r -> r.org("github").username("octocat"));

        assertRequests("orgs/check-membership-for-user", "orgs/check-public-membership-for-user");
        assertThat(membership).isEqualTo(new OrganizationMembership("github", "octocat", false, true));
    }

    @Test
    void setProfileStatusUsesTheChangeUserStatusMutation() {
        stub.answerGraphql(200, "{\"data\":{\"changeUserStatus\":{\"status\":{\"message\":\"On vacation\","
                + "\"emoji\":\":palm_tree:\",\"expiresAt\":\"2030-01-31T18:00:00Z\",\"indicatesLimitedAvailability\":true,"
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\"}}}}");

        ProfileStatus status = github.setProfileStatus(r -> r.message("On vacation").emoji(":palm_tree:")
                .expiresAt(Instant.parse("2030-01-31T18:00:00Z")).limitedAvailability(true)).orElseThrow();

        SpecStub.Exchange request = assertRequest("graphql");
        assertThat(request.path()).isEqualTo("/graphql");
        JsonNode body = request.json();
        assertThat(body.path("query").asText()).contains("changeUserStatus(input: $input)").contains("ChangeUserStatusInput!");
        JsonNode input = body.path("variables").path("input");
        List<String> fields = new java.util.ArrayList<>();
        input.fieldNames().forEachRemaining(fields::add);
        assertThat(CHANGE_USER_STATUS_INPUT).containsAll(fields);
        assertThat(input.path("message").asText()).isEqualTo("On vacation");
        assertThat(input.path("expiresAt").asText()).isEqualTo("2030-01-31T18:00:00Z");
        assertThat(input.path("limitedAvailability").asBoolean()).isTrue();
        assertThat(status.message()).isEqualTo("On vacation");
        assertThat(status.emoji()).isEqualTo(":palm_tree:");
        assertThat(status.expiresAt()).isEqualTo(Instant.parse("2030-01-31T18:00:00Z"));
        assertThat(status.limitedAvailability()).isTrue();
    }

    @Test
    void clearingTheProfileStatusReturnsEmpty() {
        stub.answerGraphql(200, "{\"data\":{\"changeUserStatus\":{\"status\":null}}}");

        assertThat(github.setProfileStatus(SetProfileStatusRequest.builder().build())).isEmpty();
        assertThat(assertRequest("graphql").json().path("variables").path("input").size()).isZero();
    }

    @Test
    void graphqlErrorsWithHttp200AreTypedErrors() {
        stub.answerGraphql(200, "{\"data\":{\"changeUserStatus\":null},\"errors\":[{\"type\":\"INSUFFICIENT_SCOPES\","
                + "\"locations\":[{\"line\":2,\"column\":3}],\"message\":\"Your token has not been granted the required scopes"
                + " to execute this query. The 'changeUserStatus' field requires one of the following scopes: ['user']\"},"
                + "{\"message\":\"Something else\"}]}");

        assertThatThrownBy(() -> github.setProfileStatus(r -> r.message("hi")))
                .isInstanceOfSatisfying(GraphqlException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.messages()).hasSize(2);
                    assertThat(e.messages().get(0)).contains("requires one of the following scopes: ['user']");
                    assertThat(e.messages().get(1)).isEqualTo("Something else");
                    assertThat(e.types()).containsExactly("INSUFFICIENT_SCOPES");
                    assertThat(e.getMessage()).contains("2 GraphQL errors").contains("lacks a scope");
                    assertThat(e.data().path("changeUserStatus").isNull()).isTrue();
                });
        assertRequest("graphql");
    }

    @Test
    void graphqlReturnsData() {
        stub.answerGraphql(200, "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}");

        JsonNode data = github.graphql("query($n: Int!) { viewer { login repositories(first: $n) { totalCount } } }", Map.of("n", 1));

        assertThat(data.path("viewer").path("login").asText()).isEqualTo("octocat");
        JsonNode body = assertRequest("graphql").json();
        assertThat(body.path("variables").path("n").asInt()).isEqualTo(1);
    }

    @Test
    void graphqlOnEnterpriseServerGoesBesideTheRestRoot() {
        stub.answerGraphql(200, "{\"data\":{\"changeUserStatus\":{\"status\":null}}}");
        GithubClient ghes = GithubClients.create(GithubSettings.builder().token("ghp_contract_test_token")
                .baseUrl(stub.baseUrl() + "/api/v3").build(), HttpTransport.create());

        ghes.setProfileStatus(r -> r.emoji(":coffee:"));

        assertThat(assertRequest("graphql").path()).isEqualTo("/api/graphql");
    }
}
