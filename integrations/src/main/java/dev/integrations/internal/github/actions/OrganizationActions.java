package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.actions.CheckOrganizationMembershipRequest;
import dev.integrations.github.actions.FindOrganizationRequest;
import dev.integrations.github.actions.UnexpectedResponseException;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.model.Organization;
import dev.integrations.github.model.OrganizationMembership;
import dev.integrations.http.NotFoundException;

import java.util.Map;
import java.util.Optional;

import static dev.integrations.internal.github.actions.UrlPath.segment;

/**
 * The organization actions behind {@link GithubClient#checkOrganizationMembership} and
 * {@link GithubClient#findOrganization}. Call them through the provider.
 */
public final class OrganizationActions {
    private OrganizationActions() {
    }

    /**
     * {@code GET /orgs/{org}/members/{username}}: 204 member, 404 not a member. When the caller is
     * not a member of the organization GitHub answers 302 towards
     * {@code /orgs/{org}/public_members/{username}}; that check is then made here (204 public
     * member, 404 not a public member) and the result says it is {@code publicOnly}. That request
     * goes to the API host by path rather than to the {@code Location} URL, so the token never
     * follows a redirect elsewhere.
     *
     * <p>GitHub also answers 404 for an organization that does not exist; use
     * {@link #findOrganization} to tell the two apart.
     */
    public static OrganizationMembership checkOrganizationMembership(GithubCore github,
                                                                     CheckOrganizationMembershipRequest request) {
        String org = segment(request.org());
        String user = segment(request.username());
        // The 302 is the answer here, not a detour: following it (as the provider does for renamed
        // repositories) would make "public member" indistinguishable from "member".
        GithubCore withoutRedirects = github.withSettings(Map.of("max_redirects", 0));
        GithubResponse response;
        try {
            response = withoutRedirects.rawRequest(GithubRequest.builder().method("GET").path("/orgs/" + org + "/members/" + user).build());
        } catch (NotFoundException e) {
            return new OrganizationMembership(request.org(), request.username(), false, false);
        }
        if (response.status() == 204) {
            return new OrganizationMembership(request.org(), request.username(), true, false);
        }
        if (response.status() != 302) {
            throw new UnexpectedResponseException("checkOrganizationMembership: GitHub GET /orgs/" + org + "/members/" + user
                    + " answered HTTP " + response.status() + "; expected 204, 302 or 404");
        }
        try {
            github.rawRequest(GithubRequest.builder().method("GET").path("/orgs/" + org + "/public_members/" + user).build());
            return new OrganizationMembership(request.org(), request.username(), true, true);
        } catch (NotFoundException e) {
            return new OrganizationMembership(request.org(), request.username(), false, true);
        }
    }

    /** {@code GET /orgs/{org}}; empty on 404. */
    public static Optional<Organization> findOrganization(GithubCore github, FindOrganizationRequest request) {
        return Calls.findOrEmpty(() -> Calls.call(github, "findOrganization", Calls.get("/orgs/" + segment(request.org())),
                Organization::fromJson));
    }
}
