package dev.integrations.github.sandbox;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Creating and updating repositories:
 * <ul>
 *   <li>{@code POST /user/repos}: a repository of the caller;</li>
 *   <li>{@code POST /orgs/{org}/repos}: a repository of an organization the caller is a member of
 *       (404 otherwise);</li>
 *   <li>{@code POST /repos/{template_owner}/{template_repo}/generate}: a repository with a fresh
 *       history holding the files of a template repository ({@code is_template}); with
 *       {@code include_all_branches} every branch, else the default branch only;</li>
 *   <li>{@code PATCH /repos/{owner}/{repo}} (also reached as {@code /repositories/{id}}): changes
 *       {@code name} (a rename, after which the old name redirects) and {@code description};
 *       200 {@code full-repository}, push access needed. A renamed repository's old name answers
 *       307 towards {@code /repositories/{id}}, as GitHub does for writes, so clients must repeat
 *       the {@code PATCH} there.</li>
 * </ul>
 * All answer 201 {@code full-repository}. The name is required; characters GitHub does not allow
 * become {@code -}, as GitHub does. A taken name is 422 "name already exists on this account".
 * Without {@code auto_init} the new repository is empty (no branch) until its first file; with it,
 * it has a {@code README.md} on {@code main}. Public repositories need {@code public_repo} or
 * {@code repo}, private ones {@code repo} (404 otherwise).
 */
final class RepositoryCreationHandler {

    static final String CREATE_DOCS = "https://docs.github.com/rest/repos/repos#create-a-repository-for-the-authenticated-user";
    static final String CREATE_IN_ORG_DOCS = "https://docs.github.com/rest/repos/repos#create-an-organization-repository";
    static final String GENERATE_DOCS = "https://docs.github.com/rest/repos/repos#create-a-repository-using-a-template";
    static final String UPDATE_DOCS = "https://docs.github.com/rest/repos/repos#update-a-repository";

    private final RepositoryAccess access;
    private final GitStore git;

    RepositoryCreationHandler(RepositoryAccess access, GitStore git) {
        this.access = access;
        this.git = git;
    }

    void register(ResourceRouter router) {
        router.add("POST", "/user/repos", CREATE_DOCS, "repo", call -> create(call, call.user()))
                .add("POST", "/orgs/{org}/repos", CREATE_IN_ORG_DOCS, "repo", this::createInOrganization)
                .add("POST", "/repos/{owner}/{repo}/generate", GENERATE_DOCS, "repo", this::generate)
                .add("PATCH", "/repos/{owner}/{repo}", UPDATE_DOCS, "repo", this::update);
    }

    private void update(ApiCall call) {
        SandboxRepository repository = access.resolveForPush(call);
        if (call.bodyObject().has("name")) {
            String name = name(call);
            if (!name.equals(repository.name())) {
                try {
                    repository = access.repositories().rename(repository, name);
                } catch (IllegalArgumentException e) {
                    throw ApiError.validation("Repository update failed.", call.docs(),
                            List.of(ApiError.custom("Repository", "name", "name already exists on this account")));
                }
            }
        }
        if (call.bodyObject().has("description")) {
            repository = access.repositories().describe(repository, call.text("description", "Repository"));
        }
        call.respond(200, access.full(repository, call.caller()));
    }

    private void createInOrganization(ApiCall call) {
        SandboxOrganization organization = access.organizations().byLogin(call.param("org"))
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        if (access.organizations().membership(organization, call.user()).isEmpty()) {
            throw ApiError.notFound(call.docs());
        }
        create(call, access.organizations().account(organization));
    }

    private void create(ApiCall call, SandboxUser owner) {
        String name = name(call);
        boolean isPrivate = isPrivate(call);
        requireScope(call, isPrivate);
        String description = call.text("description", "Repository");
        RepositorySettings.Settings settings = new RepositorySettings.Settings(call.text("homepage", "Repository"),
                call.bool("is_template", false, "Repository"), call.bool("has_issues", true, "Repository"),
                call.bool("has_projects", true, "Repository"), call.bool("has_wiki", true, "Repository"));
        boolean autoInit = call.bool("auto_init", false, "Repository");
        SandboxRepository repository = insert(call, owner, name, description, isPrivate);
        if (!autoInit) {
            git.markEmpty(repository);
        }
        access.settings().put(repository, settings);
        call.respond(201, access.full(repository, call.caller()));
    }

    private void generate(ApiCall call) {
        SandboxRepository template = access.resolve(call);
        if (!access.settings().of(template).isTemplate()) {
            throw ApiError.validation("Validation Failed", call.docs(), List.of(ApiError.custom("Repository", null,
                    template.fullName() + " is not a template repository")));
        }
        String ownerLogin = Optional.ofNullable(call.text("owner", "Repository")).orElse(call.user().login());
        SandboxUser owner;
        if (ownerLogin.equalsIgnoreCase(call.user().login())) {
            owner = call.user();
        } else {
            SandboxOrganization organization = access.organizations().byLogin(ownerLogin)
                    .filter(o -> access.organizations().membership(o, call.user()).isPresent())
                    .orElseThrow(() -> ApiError.validation(call.docs(), ApiError.invalidValue("Repository", "owner", ownerLogin)));
            owner = access.organizations().account(organization);
        }
        String name = name(call);
        boolean isPrivate = call.bool("private", false, "Repository");
        requireScope(call, isPrivate);
        SandboxRepository repository = insert(call, owner, name, call.text("description", "Repository"), isPrivate);
        SandboxUser user = call.user();
        GitStore.Person committer = new GitStore.Person(user.name() != null ? user.name() : user.login(),
                user.email() != null ? user.email() : user.id() + "+" + user.login() + "@users.noreply.github.com", call.now());
        git.copy(template, repository, call.bool("include_all_branches", false, "Repository"), committer, user);
        call.respond(201, access.full(repository, call.caller()));
    }

    private SandboxRepository insert(ApiCall call, SandboxUser owner, String name, @Nullable String description,
                                     boolean isPrivate) {
        try {
            return access.repositories().create(owner, name, description, isPrivate);
        } catch (IllegalArgumentException e) {
            throw ApiError.validation("Repository creation failed.", call.docs(),
                    List.of(ApiError.custom("Repository", "name", "name already exists on this account")));
        }
    }

    private static String name(ApiCall call) {
        String requested = call.requiredText("name", "Repository").trim();
        String name = requested.replaceAll("[^A-Za-z0-9._-]", "-");
        if (name.length() > 100 || name.equals(".") || name.equals("..")) {
            throw ApiError.validation(call.docs(), ApiError.invalidValue("Repository", "name", requested));
        }
        return name;
    }

    private static boolean isPrivate(ApiCall call) {
        String visibility = call.text("visibility", "Repository");
        if (visibility != null) {
            return !visibility.equals("public");
        }
        return call.bool("private", false, "Repository");
    }

    private static void requireScope(ApiCall call, boolean isPrivate) {
        if (!call.hasScope(isPrivate ? "repo" : "public_repo")) {
            throw ApiError.notFound(call.docs());
        }
    }
}
