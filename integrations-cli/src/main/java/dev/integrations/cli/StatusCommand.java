package dev.integrations.cli;

import dev.integrations.Integrations;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.auth.store.CredentialFilter;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.core.IntegrationsException;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.http.UnauthorizedException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code integrations auth status}: every stored login with its account, scopes, expiry and
 * whether it still works. Like {@code gh auth status} it asks each host ({@code GET /user}), so a
 * revoked token shows up as such; the exit code is 1 when nothing is stored or any login needs
 * attention.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every stored login: host, account, scopes, expiry and status.",
                "Exits with 1 when not logged in anywhere or when a login needs attention."})
final class StatusCommand implements Runnable {
    static final String LOGGED_IN = "logged in";
    static final String NEEDS_REAUTHORIZATION = "needs reauthorization";

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "HOST", description = "Only this host.")
    @Nullable String hostname;

    @Override
    public void run() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        IntegrationsCommand root = IntegrationsCommand.of(commandSpec);
        PrintWriter out = commandSpec.commandLine().getOut();
        String only = hostname == null ? null : Host.normalize(hostname);
        List<StoredCredentials> rows = new ArrayList<>();
        if (root.configDirectory().exists()) {
            for (StoredCredentials row : root.stores().credentials().list(
                    new CredentialFilter(HostAuth.PROVIDER, null, null, 1000))) {
                if (only == null || only.equals(row.subject())) {
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            throw CliException.failure(only == null
                    ? "You are not logged in to any GitHub host. To log in, run: integrations auth login"
                    : "You are not logged in to " + only + ". To log in, run: " + Host.loginCommand(only, root.environment()));
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"HOST", "ACCOUNT", "SCOPES", "EXPIRES", "STATUS"});
        boolean allGood = true;
        for (StoredCredentials row : rows) {
            String[] line = describe(root.host(row.subject()), row);
            allGood &= line[4].equals(LOGGED_IN);
            table.add(line);
        }
        print(out, table);
        out.flush();
        if (!allGood) {
            commandSpec.commandLine().getErr().println("A login needs attention: run integrations auth login"
                    + " --hostname <HOST> for the hosts above that are not \"" + LOGGED_IN + "\".");
            throw new CliException(ExitCodes.FAILURE, "");
        }
    }

    private static String[] describe(HostAuth host, StoredCredentials row) {
        String name = host.host().name();
        if (row.status() == CredentialStatus.NEEDS_REAUTHORIZATION) {
            return new String[] {name, "-", "-", expiry(row.expiresAt()), NEEDS_REAUTHORIZATION};
        }
        String account = "-";
        String status;
        List<String> headerScopes = null;
        try (Integrations session = host.session()) {
            GithubResponse user = session.github().rawRequest("GET", "/user");
            account = user.body().path("login").asText("-");
            headerScopes = LoginCommand.scopesHeader(user);
            status = LOGGED_IN;
        } catch (ReauthorizationRequiredException e) {
            status = NEEDS_REAUTHORIZATION;
        } catch (UnauthorizedException e) {
            status = "token refused";
        } catch (IntegrationsException e) {
            status = "unreachable";
        }
        // Read again: the request above may have refreshed an expiring token.
        Optional<GithubUserCredentials> stored = host.stored();
        List<String> scopes = stored.map(GithubUserCredentials::scope).orElse(null);
        if (scopes == null) {
            scopes = headerScopes;
        }
        Instant expiresAt = stored.map(GithubUserCredentials::expiresAt).orElse(row.expiresAt());
        return new String[] {name, account, scopes == null ? "-" : (scopes.isEmpty() ? "(none)" : String.join(",", scopes)),
                expiry(expiresAt), status};
    }

    static String expiry(@Nullable Instant expiresAt) {
        return expiresAt == null ? "never" : expiresAt.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void print(PrintWriter out, List<String[]> table) {
        int[] widths = new int[table.get(0).length];
        for (String[] line : table) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : table) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(line[i]);
                if (i < line.length - 1) {
                    text.append(" ".repeat(widths[i] - line[i].length() + 2));
                }
            }
            out.println(text);
        }
    }
}
