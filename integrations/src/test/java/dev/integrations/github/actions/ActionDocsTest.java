package dev.integrations.github.actions;

import dev.integrations.github.catalog.GithubAction;
import dev.integrations.github.catalog.GithubActions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the documentation of the GitHub catalog honest: {@code docs/github-actions.md} and the
 * README's "The GitHub client" section name every action of {@link GithubActions#catalog()}, and
 * every Java example in them compiles against the current API.
 *
 * <p>Each {@code ```java} block becomes the body of one method with {@code GithubClient github}
 * and {@code AuthManager auth} in scope; {@code import} lines of any block apply to all of them
 * (the docs page starts with a block of the imports its examples assume).
 */
@DisplayName("The GitHub action docs name every action, and their Java examples compile")
class ActionDocsTest {
    private static final String DOCS = "docs/github-actions.md";
    private static final String README_SECTION = "## The GitHub client";
    /** The README section that must follow ours. */
    private static final String NEXT_README_SECTION = "## Refresh without losing a rotated refresh token";
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.+)$", Pattern.MULTILINE);
    /** What the docs page's examples may use beside their imports. */
    private static final String DOCS_PARAMETERS = "dev.integrations.github.GithubClient github, dev.integrations.AuthManager auth";
    /** What the README's example may use: it opens the session itself. */
    private static final String README_PARAMETERS = "dev.integrations.AuthManager auth";

    @Test
    @DisplayName("the docs page has a section and an example for every action of the catalog")
    void docsDescribeEveryAction() throws IOException {
        String docs = read(DOCS);
        List<Snippet> snippets = javaBlocks(docs);
        List<String> names = actionNames();
        assertThat(names).hasSize(32);
        for (String name : names) {
            assertThat(mentions(docs, name)).as("%s mentions %s", DOCS, name).isTrue();
            assertThat(docs).as("%s has a '### %s' section", DOCS, name).containsPattern("(?m)^### " + name + "$");
            String call = "github." + name + "(";
            assertThat(snippets).as("%s has a Java example calling %s", DOCS, call)
                    .anySatisfy(snippet -> assertThat(snippet.code()).contains(call));
        }
    }

    @Test
    @DisplayName("the README's GitHub client section lists every action and links to the docs page")
    void readmeListsEveryAction() throws IOException {
        String section = readmeSection();
        for (String name : actionNames()) {
            assertThat(mentions(section, name)).as("README section '%s' lists %s", README_SECTION, name).isTrue();
        }
        assertThat(section).contains("(" + DOCS + ")");
    }

    @Test
    @DisplayName("every Java example of the docs page compiles")
    void docsExamplesCompile(@TempDir Path out) throws IOException {
        List<Snippet> snippets = javaBlocks(read(DOCS));
        assertThat(snippets).as("Java examples in %s", DOCS).hasSizeGreaterThan(actionNames().size());
        assertCompiles(snippets, Set.of(), DOCS_PARAMETERS, out);
    }

    @Test
    @DisplayName("the README's GitHub client example compiles")
    void readmeExampleCompiles(@TempDir Path out) throws IOException {
        String readme = read("README.md");
        String section = readmeSection();
        int start = readme.indexOf(section);
        int end = start + section.length();
        List<Snippet> snippets = javaBlocks(readme).stream().filter(s -> s.offset() > start && s.offset() < end).toList();
        assertThat(snippets).as("Java examples in the README section '%s'", README_SECTION).hasSize(1);
        // The README leaves its imports out; it uses the docs page's, plus Integrations.
        Set<String> imports = new LinkedHashSet<>(importsOf(javaBlocks(read(DOCS))));
        imports.add("import dev.integrations.Integrations;");
        assertCompiles(snippets, imports, README_PARAMETERS, out);
    }

    @Test
    @DisplayName("the compile check catches an example that does not compile")
    void theCompileCheckCatchesBrokenExamples(@TempDir Path out) throws IOException {
        List<Snippet> broken = List.of(new Snippet("broken", 1, 0,
                "github.createIssue(i -> i.owner(\"o\").repo(\"r\").titel(\"misspelt\"));\n"));
        List<String> errors = compile(broken, Set.of(), DOCS_PARAMETERS, out);
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("titel").contains("broken"));
    }

    // ---- helpers

    /** A Java block: the heading it is under, the Markdown line of its first code line, its offset in the file. */
    private record Snippet(String heading, int line, int offset, String code) {
    }

    private static List<String> actionNames() {
        return GithubActions.catalog().stream().map(GithubAction::name).toList();
    }

    /** The name as a whole word: {@code createIssue} is not mentioned by {@code findOrCreateIssue}. */
    private static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    private static String readmeSection() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("\n" + README_SECTION + "\n");
        assertThat(start).as("README.md has a section '%s'", README_SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(end).as("a section follows '%s'", README_SECTION).isPositive();
        assertThat(readme.substring(end + 1)).as("the section after '%s'", README_SECTION).startsWith(NEXT_README_SECTION);
        return readme.substring(start + 1, end + 1);
    }

    private static List<Snippet> javaBlocks(String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(markdown);
        while (block.find()) {
            String heading = "(top)";
            Matcher h = HEADING.matcher(markdown.substring(0, block.start()));
            while (h.find()) {
                heading = h.group(1);
            }
            int line = (int) markdown.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 2;
            snippets.add(new Snippet(heading, line, block.start(), block.group(1)));
        }
        return snippets;
    }

    private static Set<String> importsOf(List<Snippet> snippets) {
        Set<String> imports = new LinkedHashSet<>();
        for (Snippet snippet : snippets) {
            snippet.code().lines().map(String::strip).filter(l -> l.startsWith("import ")).forEach(imports::add);
        }
        return imports;
    }

    private static void assertCompiles(List<Snippet> snippets, Set<String> extraImports, String parameters, Path out) {
        List<String> errors = compile(snippets, extraImports, parameters, out);
        assertThat(errors).as("Java examples that do not compile").isEmpty();
    }

    /**
     * Compiles the snippets as methods of one class and returns the errors, each naming the
     * snippet (its heading and line in the Markdown file) and the offending source line.
     */
    private static List<String> compile(List<Snippet> snippets, Set<String> extraImports, String parameters, Path out) {
        Set<String> imports = new LinkedHashSet<>(extraImports);
        imports.addAll(importsOf(snippets));
        StringBuilder source = new StringBuilder();
        List<Integer> firstLines = new ArrayList<>();  // source line where each snippet's body starts
        for (String line : imports) {
            source.append(line).append('\n');
        }
        source.append("@SuppressWarnings(\"all\")\npublic class DocExamples {\n");
        int lineNo = imports.size() + 2;
        for (int i = 0; i < snippets.size(); i++) {
            source.append("    void example").append(i).append('(').append(parameters).append(") throws Exception {\n");
            lineNo++;
            firstLines.add(lineNo + 1);
            for (String line : snippets.get(i).code().split("\n", -1)) {
                source.append(line.strip().startsWith("import ") ? "" : "        " + line).append('\n');
                lineNo++;
            }
            source.append("    }\n");
            lineNo++;
        }
        source.append("}\n");
        String code = source.toString();
        String[] codeLines = code.split("\n", -1);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK with javac runs the tests").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///DocExamples.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        List<String> options = List.of("-classpath", classpath(), "-d", out.toString(), "-proc:none", "-encoding", "UTF-8");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, diagnostics, options, null, List.of(file)).call();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            int line = (int) d.getLineNumber();
            String where = "DocExamples.java:" + line;
            for (int i = snippets.size() - 1; i >= 0; i--) {
                if (line >= firstLines.get(i)) {
                    Snippet s = snippets.get(i);
                    where = "example under '" + s.heading() + "' (Markdown line " + (s.line() + line - firstLines.get(i)) + ")";
                    break;
                }
            }
            String text = line >= 1 && line <= codeLines.length ? codeLines[line - 1].strip() : "";
            errors.add(where + ": " + d.getMessage(Locale.ROOT) + "\n    " + text);
        }
        return errors;
    }

    /** The test classpath; surefire may hand it over as a manifest-only jar, which javac also reads. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String jvm = System.getProperty("java.class.path");
        return surefire == null || surefire.isBlank() ? jvm : surefire + File.pathSeparator + jvm;
    }

    private static String read(String relative) throws IOException {
        Path file = projectRoot().resolve(relative);
        assertThat(file).as("%s in the project root", relative).exists();
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    /** {@code integrations.projectRoot} when set, else the nearest directory upwards holding README.md. */
    private static Path projectRoot() {
        String root = System.getProperty("integrations.projectRoot");
        Path path = (root != null && !root.isBlank() ? Paths.get(root) : Paths.get("")).toAbsolutePath();
        while (path != null && !Files.exists(path.resolve("README.md"))) {
            path = path.getParent();
        }
        assertThat(path).as("the project root (the directory with README.md)").isNotNull();
        return path;
    }
}
