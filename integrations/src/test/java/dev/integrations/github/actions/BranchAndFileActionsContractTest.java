package dev.integrations.github.actions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.model.Branch;
import dev.integrations.github.model.FileCommit;
import dev.integrations.github.model.GitReference;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The branch and file actions against GitHub's OpenAPI description. */
class BranchAndFileActionsContractTest extends ContractTestSupport {

    @Test
    void createBranchFromTheDefaultBranch() {
        GitReference ref = github.createBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/login"));

        List<SpecStub.Exchange> requests = assertRequests("repos/get", "git/get-ref", "git/create-ref");
        // The repository example's default branch is "master"; the ref parameter is one segment.
        assertThat(requests.get(1).path()).isEqualTo("/repos/octocat/Hello-World/git/ref/heads%2Fmaster");
        assertThat(requests.get(2).json().path("ref").asText()).isEqualTo("refs/heads/feature/login");
        assertThat(requests.get(2).json().path("sha").asText()).isEqualTo("aa218f56b14c9653891f9e74264a383fa43fefbd");
        assertThat(ref.ref()).isEqualTo("refs/heads/featureA");
        assertThat(ref.objectSha()).isEqualTo("aa218f56b14c9653891f9e74264a383fa43fefbd");
        assertThat(ref.objectType()).isEqualTo("commit");
    }

    @Test
    void createBranchFromAnotherBranch() {
        github.createBranch(r -> r.owner("octocat").repo("Hello-World").branch("hotfix").fromBranch("release/1.0"));

        List<SpecStub.Exchange> requests = assertRequests("git/get-ref", "git/create-ref");
        assertThat(requests.get(0).path()).isEqualTo("/repos/octocat/Hello-World/git/ref/heads%2Frelease%2F1.0");
    }

    @Test
    void createBranchFromACommitNeedsOneRequest() {
        github.createBranch(r -> r.owner("octocat").repo("Hello-World").branch("b").sha("7fd1a60b01f91b314f59955a4e4d4e80d8edf11d"));

        assertThat(assertRequest("git/create-ref").json().path("sha").asText()).isEqualTo("7fd1a60b01f91b314f59955a4e4d4e80d8edf11d");
    }

    @Test
    void createBranchRefusesAFullRefName() {
        assertThatThrownBy(() -> github.createBranch(r -> r.owner("o").repo("r").branch("refs/heads/x")))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("without refs/heads/");
        assertNothingSent();
    }

    @Test
    void deleteBranch() {
        github.deleteBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/login"));

        SpecStub.Exchange request = assertRequest("git/delete-ref");
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/repos/octocat/Hello-World/git/refs/heads%2Ffeature%2Flogin");
        assertThat(request.status()).isEqualTo(204);
    }

    @Test
    void findBranch() {
        Branch branch = github.findBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/x")).orElseThrow();

        assertThat(assertRequest("repos/get-branch").path()).isEqualTo("/repos/octocat/Hello-World/branches/feature%2Fx");
        assertThat(branch.name()).isEqualTo("main");
        assertThat(branch.commitSha()).isEqualTo("7fd1a60b01f91b314f59955a4e4d4e80d8edf11d");
        assertThat(branch.isProtected()).isFalse();
    }

    @Test
    void findBranchIsEmptyOn404() {
        stub.answer("repos/get-branch", 404);

        assertThat(github.findBranch(r -> r.owner("octocat").repo("Hello-World").branch("gone"))).isEmpty();
        assertRequest("repos/get-branch");
    }

    @Test
    void updateFileLooksUpTheCurrentShaFirst() {
        GithubOpenApi.Operation getContent = stub.api().operation("repos/get-content");
        String currentSha = stub.api().example(getContent, 200, "response-if-content-is-a-file").orElseThrow().path("sha").asText();

        FileCommit commit = github.createOrUpdateFile(r -> r.owner("octocat").repo("Hello-World").path("/notes/read me.txt")
                .message("my commit message").content("Hello, wörld").branch("main"));

        List<SpecStub.Exchange> requests = assertRequests("repos/get-content", "repos/create-or-update-file-contents");
        assertThat(requests.get(0).path()).isEqualTo("/repos/octocat/Hello-World/contents/notes/read%20me.txt");
        assertThat(requests.get(0).query()).containsEntry("ref", "main");
        JsonNode body = requests.get(1).json();
        assertThat(requests.get(1).method()).isEqualTo("PUT");
        assertThat(body.path("sha").asText()).isEqualTo(currentSha);
        assertThat(new String(Base64.getDecoder().decode(body.path("content").asText()), StandardCharsets.UTF_8))
                .isEqualTo("Hello, wörld");
        assertThat(body.path("branch").asText()).isEqualTo("main");
        // 200 is the documented answer to an update.
        assertThat(commit.path()).isEqualTo("notes/hello.txt");
        assertThat(commit.contentSha()).isEqualTo("a56507ed892d05a37c6d6128c260937ea4d287bd");
        assertThat(commit.commitSha()).isEqualTo("18a43cd8e1e3a79c786e3d808a73d23b6d212b16");
        assertThat(commit.commitMessage()).isEqualTo("my commit message");
    }

    @Test
    void createFileSendsNoShaWhenTheFileIsNew() {
        stub.answer("repos/get-content", 404);
        stub.answerExample("repos/create-or-update-file-contents", 201, null);

        FileCommit commit = github.createOrUpdateFile(r -> r.owner("octocat").repo("Hello-World").path("notes/hello.txt")
                .message("my commit message").content("bXkgbmV3IGZpbGUgY29udGVudHM=").encoding(ContentEncoding.BASE64)
                .committer("Monalisa Octocat", "octocat@github.com").author(GitIdentity.of("The Octocat", "octocat@nowhere.com")));

        List<SpecStub.Exchange> requests = assertRequests("repos/get-content", "repos/create-or-update-file-contents");
        JsonNode body = requests.get(1).json();
        assertThat(body.has("sha")).isFalse();
        assertThat(body.path("content").asText()).isEqualTo("bXkgbmV3IGZpbGUgY29udGVudHM=");
        assertThat(body.path("committer").path("email").asText()).isEqualTo("octocat@github.com");
        assertThat(body.path("author").path("name").asText()).isEqualTo("The Octocat");
        assertThat(commit.contentSha()).isEqualTo("95b966ae1c166bd92f8ae7d1c313e738c731dfc3");
        assertThat(commit.commitSha()).isEqualTo("7638417db6d59f3c431d3e1f261cc637155684cd");
    }

    @Test
    void writeWithAKnownShaNeedsOneRequest() {
        github.createOrUpdateFile(r -> r.owner("octocat").repo("Hello-World").path("bin/data.bin").message("binary")
                .content(new byte[] {0, 1, 2, (byte) 0xFF}).sha("95b966ae1c166bd92f8ae7d1c313e738c731dfc3"));

        JsonNode body = assertRequest("repos/create-or-update-file-contents").json();
        assertThat(Base64.getDecoder().decode(body.path("content").asText())).containsExactly(0, 1, 2, 0xFF);
        assertThat(body.path("sha").asText()).isEqualTo("95b966ae1c166bd92f8ae7d1c313e738c731dfc3");
    }

    @Test
    void writingToADirectoryFailsBeforeTheCommit() {
        stub.answerExample("repos/get-content", 200, "response-if-content-is-a-directory");

        assertThatThrownBy(() -> github.createOrUpdateFile(r -> r.owner("octocat").repo("Hello-World").path("lib")
                .message("m").content("x")))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("is a directory");
        assertRequests("repos/get-content");
    }

    @Test
    void badFilePathsAndBase64AreRefused() {
        assertThatThrownBy(() -> CreateOrUpdateFileRequest.of(r -> r.owner("o").repo("r").path("a/../b").message("m").content("x")))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("'..'");
        assertThatThrownBy(() -> CreateOrUpdateFileRequest.of(r -> r.owner("o").repo("r").path("a").message("m")
                .content("not base64!").encoding(ContentEncoding.BASE64)))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("base64");
        assertNothingSent();
    }
}
