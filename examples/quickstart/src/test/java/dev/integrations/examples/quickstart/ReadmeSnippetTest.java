package dev.integrations.examples.quickstart;

import dev.integrations.github.sandbox.GithubSandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles the Java snippet of the README's "Quick start" exactly as written and runs it in a
 * separate JVM whose environment points at a sandbox, the way a user's environment points at
 * GitHub. The snippet's two placeholders are provided: {@code redirect(url)} plays the browser
 * on the sandbox's consent page, and {@code callbackUrl} is where that browser was sent back to.
 */
@DisplayName("The README's Java snippet compiles and runs")
class ReadmeSnippetTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("## Quick start.*?```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theQuickStartSnippetRunsAgainstTheSandbox(@TempDir Path dir) throws Exception {
        String snippet = readmeSnippet();
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.split("\n")) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append("        ").append(line).append('\n');
            }
        }
        String source = String.join("\n", imports) + "\n"
                + "public class ReadmeSnippet {\n"
                + "    static String callbackUrl;\n"
                + "    static void redirect(java.net.URI url) {\n"
                + "        callbackUrl = dev.integrations.github.sandbox.SandboxBrowser.approve(url).toString();\n"
                + "    }\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + body
                + "    }\n"
                + "}\n";
        Path file = dir.resolve("ReadmeSnippet.java");
        Files.writeString(file, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = compiler.run(null, null, errors, "-classpath", System.getProperty("java.class.path"),
                "-d", dir.toString(), file.toString());
        assertThat(compiled).as("javac output:\n%s\nsource:\n%s", errors, source).isZero();

        try (GithubSandbox sandbox = GithubSandbox.start()) {
            ProcessBuilder process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", dir + File.pathSeparator + System.getProperty("java.class.path"), "ReadmeSnippet")
                    .redirectErrorStream(true);
            process.environment().keySet().removeIf(key -> key.startsWith("GITHUB_"));
            process.environment().putAll(sandbox.environment());
            Process run = process.start();
            boolean finished = run.waitFor(60, TimeUnit.SECONDS);
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(finished).as("the snippet finished; output:\n%s", output).isTrue();
            assertThat(run.exitValue()).as("exit status; output:\n%s", output).isZero();
            assertThat(output).contains("Hello, " + GithubSandbox.DEFAULT_LOGIN);
            assertThat(sandbox.requests("/login/oauth/access_token")).hasSize(1);
            assertThat(sandbox.requests("/user")).hasSize(1);
        }
    }

    private static String readmeSnippet() throws Exception {
        Path readme = projectRoot().resolve("README.md");
        Matcher m = JAVA_BLOCK.matcher(Files.readString(readme));
        assertThat(m.find()).as("README.md has a ```java block under '## Quick start'").isTrue();
        return m.group(1);
    }

    private static Path projectRoot() {
        String root = System.getProperty("integrations.projectRoot");
        Path path = root != null ? Paths.get(root) : Paths.get("").toAbsolutePath();
        while (path != null && !Files.exists(path.resolve("README.md"))) {
            path = path.getParent();
        }
        assertThat(path).as("the project root (with README.md)").isNotNull();
        return path;
    }
}
