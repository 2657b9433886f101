package dev.integrations.cli;

import dev.integrations.http.Sleeper;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a run of the command reads from outside: environment variables, standard input, the user's
 * home, and how a browser is opened. Tests pass their own; {@link Main} passes the process's.
 *
 * @param variables the environment variables
 * @param stdin standard input (read by {@code auth login --with-token})
 * @param userHome the user's home directory
 * @param osName the operating system's name ({@code os.name})
 * @param browser opens a URL in the user's browser
 * @param sleeper waits between device-flow polls
 * @param terminal reads a secret without echo when standard input is a terminal; null when it is
 *     a pipe or a file (then {@code stdin} is read)
 */
record CliEnvironment(Map<String, String> variables, InputStream stdin, Path userHome, String osName,
                      BrowserOpener browser, Sleeper sleeper, @Nullable SecretPrompt terminal) {
    /** Overrides the configuration directory (tests use a temporary one). */
    static final String CONFIG_DIR_VARIABLE = "INTEGRATIONS_CONFIG_DIR";

    CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Standard input that is not a terminal (tests). */
    CliEnvironment(Map<String, String> variables, InputStream stdin, Path userHome, String osName,
                   BrowserOpener browser, Sleeper sleeper) {
        this(variables, stdin, userHome, osName, browser, sleeper, null);
    }

    static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.in, Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", ""), BrowserOpener.system(System.getProperty("os.name", "")),
                Sleeper.system(), SecretPrompt.console());
    }

    @Nullable String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Where the store and its key live: {@code $INTEGRATIONS_CONFIG_DIR}, else
     * {@code %APPDATA%\integrations} on Windows, else {@code $XDG_CONFIG_HOME/integrations}, else
     * {@code ~/.config/integrations}.
     */
    Path configDirectory() {
        String explicit = variable(CONFIG_DIR_VARIABLE);
        if (explicit != null) {
            return Path.of(explicit);
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = variable("APPDATA");
            if (appData != null) {
                return Path.of(appData, "integrations");
            }
        }
        String xdg = variable("XDG_CONFIG_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "integrations");
        }
        return userHome.resolve(".config").resolve("integrations");
    }

    /** Asks for a secret on the terminal, without echoing what is typed. */
    @FunctionalInterface
    interface SecretPrompt {
        /**
         * Shows the prompt and reads one line.
         *
         * @return the line, or null at end of input
         */
        char @Nullable [] read(String prompt);

        /**
         * The process's console when both standard input and output are a terminal (Java 17's
         * {@link System#console()}); null otherwise, e.g. for {@code < token.txt} or a pipe.
         */
        static @Nullable SecretPrompt console() {
            java.io.Console console = System.console();
            return console == null ? null : prompt -> console.readPassword("%s", prompt);
        }
    }

    /** Opens URLs in a browser; best effort, the URL is always printed too. */
    @FunctionalInterface
    interface BrowserOpener {
        /**
         * Tries to open the URL.
         *
         * @return whether a browser was started
         */
        boolean open(URI url);

        static BrowserOpener none() {
            return url -> false;
        }

        /** The platform's opener command: {@code open}, {@code xdg-open} or {@code rundll32}. */
        static BrowserOpener system(String osName) {
            String os = osName.toLowerCase(Locale.ROOT);
            return url -> {
                String[] command;
                if (os.startsWith("mac")) {
                    command = new String[] {"open", url.toString()};
                } else if (os.startsWith("windows")) {
                    command = new String[] {"rundll32", "url.dll,FileProtocolHandler", url.toString()};
                } else {
                    command = new String[] {"xdg-open", url.toString()};
                }
                try {
                    new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return true;
                } catch (java.io.IOException | RuntimeException e) {
                    return false;
                }
            };
        }
    }
}
