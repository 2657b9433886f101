package dev.integrations.github.actions;

import dev.integrations.github.model.Codespace;
import dev.integrations.github.ListResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The codespace actions against GitHub's OpenAPI description. */
class CodespaceActionsContractTest extends ContractTestSupport {
    private static final String NAME = "monalisa-octocat-hello-world-g4wpq6h95q";

    @Test
    void listCodespaces() {
        ListResult<Codespace> codespaces = github.listCodespaces(r -> r.repositoryId(1296269L).perPage(10));

        SpecStub.Exchange request = assertRequest("codespaces/list-for-authenticated-user");
        assertThat(request.query()).containsEntry("repository_id", "1296269").containsEntry("per_page", "10");
        assertThat(codespaces.totalCount()).isEqualTo(3L);
        assertThat(codespaces.items()).hasSize(3);
        assertThat(codespaces.items().get(0).name()).isEqualTo(NAME);
        assertThat(codespaces.raw().has("codespaces")).isTrue();
    }

    @Test
    void listCodespacesWithDefaults() {
        assertThat(github.listCodespaces().items()).isNotEmpty();
        assertRequest("codespaces/list-for-authenticated-user");
    }

    @Test
    void listRepositoryCodespaces() {
        ListResult<Codespace> codespaces = github.listRepositoryCodespaces(r -> r.owner("octocat").repo("Hello-World").page(1));

        assertThat(assertRequest("codespaces/list-in-repository-for-authenticated-user").path())
                .isEqualTo("/repos/octocat/Hello-World/codespaces");
        assertThat(codespaces.totalCount()).isEqualTo(2L);
        assertThat(codespaces.items()).hasSize(2);
    }

    @Test
    void createCodespace() {
        Codespace codespace = github.createCodespace(r -> r.owner("octocat").repo("Hello-World").ref("main")
                .machine("standardLinux32gb").geo(CodespaceGeo.EUROPE_WEST).devcontainerPath(".devcontainer/devcontainer.json")
                .displayName("Review").workingDirectory("/workspaces").idleTimeoutMinutes(30).retentionPeriodMinutes(60));

        SpecStub.Exchange request = assertRequest("codespaces/create-with-repo-for-authenticated-user");
        assertThat(request.json().path("geo").asText()).isEqualTo("EuropeWest");
        assertThat(request.json().path("idle_timeout_minutes").asInt()).isEqualTo(30);
        assertCodespace(codespace);
    }

    @Test
    void createCodespaceWhileProvisioning() {
        stub.answerExample("codespaces/create-with-repo-for-authenticated-user", 202, null);

        assertCodespace(github.createCodespace(r -> r.owner("octocat").repo("Hello-World")));
        assertThat(assertRequest("codespaces/create-with-repo-for-authenticated-user").status()).isEqualTo(202);
    }

    @Test
    void getCodespace() {
        assertCodespace(github.getCodespace(r -> r.codespaceName(NAME)));
        assertThat(assertRequest("codespaces/get-for-authenticated-user").path()).isEqualTo("/user/codespaces/" + NAME);
    }

    @Test
    void deleteCodespace() {
        github.deleteCodespace(r -> r.codespaceName(NAME));

        SpecStub.Exchange request = assertRequest("codespaces/delete-for-authenticated-user");
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.status()).isEqualTo(202);
    }

    @Test
    void startCodespace() {
        assertCodespace(github.startCodespace(r -> r.codespaceName(NAME)));
        assertThat(assertRequest("codespaces/start-for-authenticated-user").path()).isEqualTo("/user/codespaces/" + NAME + "/start");
    }

    @Test
    void stopCodespace() {
        assertCodespace(github.stopCodespace(r -> r.codespaceName(NAME)));
        assertThat(assertRequest("codespaces/stop-for-authenticated-user").path()).isEqualTo("/user/codespaces/" + NAME + "/stop");
    }

    private static void assertCodespace(Codespace codespace) {
        assertThat(codespace.id()).isEqualTo(1L);
        assertThat(codespace.name()).isEqualTo(NAME);
        assertThat(codespace.state()).isEqualTo("Available");
        assertThat(codespace.ownerLogin()).isEqualTo("octocat");
        assertThat(codespace.repositoryFullName()).isEqualTo("octocat/Hello-World");
        assertThat(codespace.machineName()).isEqualTo("standardLinux");
        assertThat(codespace.gitRef()).isEqualTo("main");
        assertThat(codespace.webUrl()).isEqualTo("https://monalisa-octocat-hello-world-g4wpq6h95q.github.dev");
        // The example writes its times with an offset (-06:00); they are read as instants all the same.
        assertThat(codespace.createdAt()).isEqualTo(Instant.parse("2021-10-14T06:53:30Z"));
    }
}
