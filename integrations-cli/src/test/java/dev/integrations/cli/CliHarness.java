package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.http.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Runs the command in-process, as {@code java -jar integrations-cli.jar ...} would, against a
 * sandbox: its {@code GITHUB_*} environment, a temporary configuration directory, captured
 * standard output and error, and no browser.
 */
final class CliHarness {
    private final Map<String, String> environment = new HashMap<>();
    private final Path home;
    private final AtomicInteger browserOpens = new AtomicInteger();
    private Sleeper sleeper = Sleeper.system();
    private CliEnvironment.@Nullable SecretPrompt terminal;

    CliHarness(GithubSandbox sandbox, Path temp) {
        environment.putAll(sandbox.environment());
        environment.put(CliEnvironment.CONFIG_DIR_VARIABLE, temp.resolve("config").toString());
        this.home = temp.resolve("home");
    }

    CliHarness set(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliHarness remove(String name) {
        environment.remove(name);
        return this;
    }

    CliHarness sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /** Standard input is a terminal that answers prompts with {@code terminal}. */
    CliHarness terminal(CliEnvironment.SecretPrompt terminal) {
        this.terminal = terminal;
        return this;
    }

    Path configDirectory() {
        return Path.of(environment.get(CliEnvironment.CONFIG_DIR_VARIABLE));
    }

    int browserOpens() {
        return browserOpens.get();
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(environment(stdin), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Starts a command in the background whose standard error is readable line by line while it
     * runs (the web login prints the URL to open, then waits).
     */
    Running start(String... args) {
        LineQueue err = new LineQueue();
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                Main.run(environment(""), new PrintWriter(out, true), new PrintWriter(err, true), args));
        return new Running(exit, out, err);
    }

    private CliEnvironment environment(String stdin) {
        return new CliEnvironment(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), home,
                "Linux", url -> {
                    browserOpens.incrementAndGet();
                    return false;
                }, sleeper, terminal);
    }

    record Result(int exitCode, String out, String err) {
        Result succeeds() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            return this;
        }
    }

    record Running(CompletableFuture<Integer> exit, StringWriter out, LineQueue err) {
        /** The first URL the command prints to standard error. */
        URI printedUrl() throws InterruptedException {
            String line = printedLine("http");
            return URI.create(line.strip());
        }

        /** The first line printed to standard error that contains {@code text} (after those already read). */
        String printedLine(String text) throws InterruptedException {
            while (true) {
                String line = err.lines.poll(30, TimeUnit.SECONDS);
                assertThat(line).as("'%s' printed on stderr within 30 s; so far: %s", text, err.text).isNotNull();
                if (line.contains(text)) {
                    return line;
                }
            }
        }

        Result finish() throws Exception {
            int code = exit.get(60, TimeUnit.SECONDS);
            return new Result(code, out.toString(), err.text.toString());
        }
    }

    /** A writer whose complete lines can be taken as they are written, from another thread. */
    static final class LineQueue extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuffer text = new StringBuffer();
        private final StringBuilder pending = new StringBuilder();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(pending.toString());
                    pending.setLength(0);
                } else if (c != '\r') {
                    pending.append(c);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
