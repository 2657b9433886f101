package dev.integrations.github.sandbox;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: a fresh clone, with nothing beside it, must build and test. The OpenAPI description the
 * contract tests use is part of the repository, pinned and checksummed, and no project file points
 * at a folder outside the repository.
 */
class SelfContainedRepositoryTest {

    @Test
    @DisplayName("issue 9: GitHub's OpenAPI description is read from inside the repository, with its source recorded")
    void issue9_openApiDescriptionLivesInTheRepository() throws IOException {
        Path root = projectRoot();
        Path copy = UserContractTest.GithubSpec.locate().toAbsolutePath().normalize();

        assertThat(copy).startsWith(root);
        assertThat(root.relativize(copy).toString().replace('\\', '/')).isEqualTo(UserContractTest.GithubSpec.RELATIVE);
        Properties source = UserContractTest.GithubSpec.source(copy);
        assertThat(source.getProperty("package")).isEqualTo("@octokit/openapi");
        assertThat(source.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(source.getProperty("license")).isEqualTo("MIT");
        assertThat(copy.resolveSibling("LICENSE")).content().contains("MIT License");
        assertThat(UserContractTest.GithubSpec.sha256(Files.readAllBytes(copy)))
                .isEqualTo(source.getProperty("compressed.sha256"));
        // Decompresses and checks file.sha256, the checksum of the file as the package ships it.
        assertThat(UserContractTest.GithubSpec.read(copy)).isNotEmpty();
    }

    @Test
    @DisplayName("issue 9: no file of the repository refers to the shared folder that used to lie beside the checkout")
    void issue9_noProjectFileReachesOutsideTheRepository() throws IOException {
        Path root = projectRoot();
        String outside = "shared" + "/";
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files
                    .filter(Files::isRegularFile)
                    .filter(f -> !isIgnored(root.relativize(f)))
                    .filter(f -> textOf(f).contains(outside))
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertThat(offenders).as("files that refer to a folder outside the repository").isEmpty();
    }

    @Test
    @DisplayName("issue 9: no file of the repository cites sections of an outside protocol document instead of GitHub's documentation")
    void issue9_noFileCitesAnOutsideProtocolDocument() throws IOException {
        Path root = projectRoot();
        // Built from parts so that this file does not match itself.
        List<String> citations = List.of("PROTOCOL" + " §", "PROTOCOL" + "§", "PROTOCOL" + ".md");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files
                    .filter(Files::isRegularFile)
                    .filter(f -> !isIgnored(root.relativize(f)))
                    .filter(f -> {
                        String text = textOf(f);
                        return citations.stream().anyMatch(text::contains);
                    })
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertThat(offenders).as("files that cite an outside protocol document; cite https://docs.github.com instead").isEmpty();
    }

    private static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals(".git") || name.equals("target") || name.equals(".idea") || name.equals("node_modules")) {
                return true;
            }
        }
        String name = relative.getFileName().toString();
        return name.endsWith(".gz") || name.endsWith(".jar") || name.endsWith(".class") || name.endsWith(".db");
    }

    private static String textOf(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code integrations.projectRoot} when set, else the nearest directory upwards holding {@code mvnw}. */
    private static Path projectRoot() {
        String root = System.getProperty("integrations.projectRoot");
        if (root != null && !root.isBlank()) {
            return Paths.get(root).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("project root not found above " + Paths.get("").toAbsolutePath());
    }
}
