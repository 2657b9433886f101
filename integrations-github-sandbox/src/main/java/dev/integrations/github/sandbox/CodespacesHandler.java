package dev.integrations.github.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Codespaces of the authenticated user:
 * <ul>
 *   <li>{@code GET /user/codespaces} ({@code repository_id} filter) and
 *       {@code GET /repos/{owner}/{repo}/codespaces}: {@code {"total_count","codespaces":[...]}},
 *       paginated with a {@code Link} header;</li>
 *   <li>{@code POST /repos/{owner}/{repo}/codespaces}: 201 {@code codespace}, state
 *       {@code Available}; {@code ref} (a branch, default {@code main}), {@code machine}
 *       ({@code basicLinux32gb}, {@code standardLinux32gb}, {@code premiumLinux},
 *       {@code largePremiumLinux}), {@code geo} or {@code location}, {@code display_name},
 *       {@code idle_timeout_minutes} (5-240), {@code retention_period_minutes} (0-43200); 400 for
 *       values outside those;</li>
 *   <li>{@code GET|DELETE /user/codespaces/{name}}: read, or delete (202);</li>
 *   <li>{@code POST /user/codespaces/{name}/start|stop}: 200 with state {@code Available} or
 *       {@code Shutdown}.</li>
 * </ul>
 * Every call needs the {@code codespace} scope (404 without); another user's codespace is 404.
 */
final class CodespacesHandler {

    static final String LIST_DOCS = "https://docs.github.com/rest/codespaces/codespaces#list-codespaces-for-the-authenticated-user";
    static final String REPO_LIST_DOCS = "https://docs.github.com/rest/codespaces/codespaces#list-codespaces-in-a-repository-for-the-authenticated-user";
    static final String CREATE_DOCS = "https://docs.github.com/rest/codespaces/codespaces#create-a-codespace-in-a-repository";
    static final String GET_DOCS = "https://docs.github.com/rest/codespaces/codespaces#get-a-codespace-for-the-authenticated-user";
    static final String DELETE_DOCS = "https://docs.github.com/rest/codespaces/codespaces#delete-a-codespace-for-the-authenticated-user";
    static final String START_DOCS = "https://docs.github.com/rest/codespaces/codespaces#start-a-codespace-for-the-authenticated-user";
    static final String STOP_DOCS = "https://docs.github.com/rest/codespaces/codespaces#stop-a-codespace-for-the-authenticated-user";

    /** Machine name to display name, cores, memory GB, storage GB. */
    private static final Map<String, Object[]> MACHINES = Map.of(
            "basicLinux32gb", new Object[] {"2 cores, 8 GB RAM, 32 GB storage", 2, 8L, 32L},
            "standardLinux32gb", new Object[] {"4 cores, 16 GB RAM, 32 GB storage", 4, 16L, 32L},
            "premiumLinux", new Object[] {"8 cores, 32 GB RAM, 64 GB storage", 8, 32L, 64L},
            "largePremiumLinux", new Object[] {"16 cores, 64 GB RAM, 128 GB storage", 16, 64L, 128L});
    private static final Map<String, String> GEO_TO_LOCATION = Map.of(
            "EuropeWest", "WestEurope", "SoutheastAsia", "SouthEastAsia", "UsEast", "EastUs", "UsWest", "WestUs2");
    private static final List<String> LOCATIONS = List.of("EastUs", "SouthEastAsia", "WestEurope", "WestUs2");

    private final RepositoryAccess access;
    private final CodespaceStore codespaces;
    private final GitStore git;

    CodespacesHandler(RepositoryAccess access, CodespaceStore codespaces, GitStore git) {
        this.access = access;
        this.codespaces = codespaces;
        this.git = git;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/user/codespaces", LIST_DOCS, "codespace", this::list)
                .add("GET", "/repos/{owner}/{repo}/codespaces", REPO_LIST_DOCS, "codespace", this::listForRepository)
                .add("POST", "/repos/{owner}/{repo}/codespaces", CREATE_DOCS, "codespace", this::create)
                .add("GET", "/user/codespaces/{name}", GET_DOCS, "codespace", this::get)
                .add("DELETE", "/user/codespaces/{name}", DELETE_DOCS, "codespace", this::delete)
                .add("POST", "/user/codespaces/{name}/start", START_DOCS, "codespace", call -> transition(call, "Available"))
                .add("POST", "/user/codespaces/{name}/stop", STOP_DOCS, "codespace", call -> transition(call, "Shutdown"));
    }

    private void list(ApiCall call) {
        requireScope(call);
        String repositoryId = call.query().get("repository_id");
        Long filter = null;
        if (repositoryId != null) {
            if (!repositoryId.matches("[0-9]{1,18}")) {
                throw ApiError.of(400, "Invalid repository_id", call.docs());
            }
            filter = Long.parseLong(repositoryId);
        }
        call.respondWrappedPage("codespaces", codespaces.ownedBy(call.user(), filter), c -> json(call, c), Map.of());
    }

    private void listForRepository(ApiCall call) {
        requireScope(call);
        SandboxRepository repository = access.resolve(call);
        call.respondWrappedPage("codespaces", codespaces.ownedBy(call.user(), repository.id()), c -> json(call, c), Map.of());
    }

    private void create(ApiCall call) {
        requireScope(call);
        SandboxRepository repository = access.resolve(call);
        call.bodyObject();
        String ref = Optional.ofNullable(call.text("ref", "Codespace")).orElse(GitStore.DEFAULT_BRANCH);
        if (git.head(repository, ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref).isEmpty()) {
            throw ApiError.of(400, "The ref " + ref + " does not exist in " + repository.fullName(), call.docs());
        }
        String machine = Optional.ofNullable(call.text("machine", "Codespace")).orElse("basicLinux32gb");
        if (!MACHINES.containsKey(machine)) {
            throw ApiError.of(400, "Machine type " + machine + " is not valid for this codespace", call.docs());
        }
        String geo = call.text("geo", "Codespace");
        String location = geo != null ? GEO_TO_LOCATION.get(geo) : call.text("location", "Codespace");
        if (geo != null && location == null) {
            throw ApiError.of(400, "geo must be one of " + GEO_TO_LOCATION.keySet(), call.docs());
        }
        location = location == null || !LOCATIONS.contains(location) ? "EastUs" : location;
        Integer idle = number(call, "idle_timeout_minutes", 5, 240);
        Integer retention = number(call, "retention_period_minutes", 0, 43_200);
        CodespaceStore.Codespace codespace = codespaces.create(call.user(), repository, ref, machine, location,
                call.text("display_name", "Codespace"), idle == null ? 30 : idle, retention,
                call.text("devcontainer_path", "Codespace"), call.now());
        call.respond(201, json(call, codespace));
    }

    private void get(ApiCall call) {
        requireScope(call);
        CodespaceStore.Codespace codespace = codespaces.get(call.user(), call.param("name"))
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respondGet(json(call, codespace));
    }

    private void delete(ApiCall call) {
        requireScope(call);
        if (!codespaces.delete(call.user(), call.param("name"))) {
            throw ApiError.notFound(call.docs());
        }
        call.respond(202, Map.of());
    }

    private void transition(ApiCall call, String state) {
        requireScope(call);
        CodespaceStore.Codespace codespace = codespaces.setState(call.user(), call.param("name"), state, call.now())
                .orElseThrow(() -> ApiError.notFound(call.docs()));
        call.respond(200, json(call, codespace));
    }

    private static void requireScope(ApiCall call) {
        if (!call.hasScope("codespace")) {
            throw ApiError.notFound(call.docs());
        }
    }

    private static @Nullable Integer number(ApiCall call, String field, int min, int max) {
        var value = call.bodyObject().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ApiError.of(400, field + " must be an integer from " + min + " to " + max, call.docs());
        }
        return value.asInt();
    }

    /** {@code codespace}. */
    private Map<String, Object> json(ApiCall call, CodespaceStore.Codespace codespace) {
        String url = call.baseUrl() + "/user/codespaces/" + codespace.name();
        SandboxRepository repository = access.repositories().byId(codespace.repositoryId()).orElseThrow();
        // The machine was checked against MACHINES when the codespace was created.
        Object[] machine = Objects.requireNonNull(MACHINES.get(codespace.machine()), "machine");
        Map<String, Object> machineJson = new LinkedHashMap<>();
        machineJson.put("name", codespace.machine());
        machineJson.put("display_name", machine[0]);
        machineJson.put("operating_system", "linux");
        machineJson.put("storage_in_bytes", (Long) machine[3] * 1024 * 1024 * 1024);
        machineJson.put("memory_in_bytes", (Long) machine[2] * 1024 * 1024 * 1024);
        machineJson.put("cpus", machine[1]);
        machineJson.put("prebuild_availability", null);
        Map<String, Object> gitStatus = new LinkedHashMap<>();
        gitStatus.put("ahead", 0);
        gitStatus.put("behind", 0);
        gitStatus.put("has_unpushed_changes", false);
        gitStatus.put("has_uncommitted_changes", false);
        gitStatus.put("ref", codespace.ref());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", codespace.id());
        json.put("name", codespace.name());
        json.put("display_name", codespace.displayName());
        json.put("environment_id", codespace.environmentId());
        json.put("owner", access.account(codespace.owner()));
        json.put("billable_owner", access.account(codespace.owner()));
        json.put("repository", access.item(repository, call.caller()));
        json.put("machine", machineJson);
        json.put("devcontainer_path", codespace.devcontainerPath());
        json.put("prebuild", false);
        json.put("created_at", GitJson.time(codespace.createdAt()));
        json.put("updated_at", GitJson.time(codespace.updatedAt()));
        json.put("last_used_at", GitJson.time(codespace.lastUsedAt()));
        json.put("state", codespace.state());
        json.put("url", url);
        json.put("git_status", gitStatus);
        json.put("location", codespace.location());
        json.put("idle_timeout_minutes", codespace.idleTimeoutMinutes());
        json.put("retention_period_minutes", codespace.retentionPeriodMinutes());
        json.put("retention_expires_at", null);
        json.put("web_url", call.baseUrl() + "/codespaces/" + codespace.name());
        json.put("machines_url", url + "/machines");
        json.put("start_url", url + "/start");
        json.put("stop_url", url + "/stop");
        json.put("publish_url", url + "/publish");
        json.put("pulls_url", null);
        json.put("recent_folders", List.of());
        json.put("pending_operation", false);
        json.put("pending_operation_disabled_reason", null);
        json.put("idle_timeout_notice", null);
        json.put("last_known_stop_notice", null);
        return json;
    }
}
