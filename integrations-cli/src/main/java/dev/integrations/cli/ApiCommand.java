package dev.integrations.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.integrations.Integrations;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.Page;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code integrations api <endpoint>}: any REST endpoint as the stored user, through the SDK's
 * client (its redirects, retries of reads, rate-limit handling and token refresh), printed as
 * indented JSON. Fields and the default method follow {@code gh api}: GET, or POST once a field is
 * given; fields are a JSON body, or the query string of a GET.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Call a GitHub REST API endpoint as the logged-in user and print the JSON response.",
                "",
                "ENDPOINT is a path such as user, /user/repos or repos/OWNER/REPO/issues,",
                "with or without a query string ('repos/OWNER/REPO/issues?state=all').",
                "The method is GET, or POST when fields are given; fields go in a JSON body,",
                "or in the query string with GET.",
                ""})
final class ApiCommand implements Runnable {
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "The path below the API URL, e.g. user or repos/octocat/hello-world.")
    String endpoint = "";

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "The HTTP method (default GET, or POST with fields).")
    @Nullable String method;

    @Option(names = {"-f", "--raw-field"}, paramLabel = "KEY=VALUE", description = "A string field. Repeatable; key[]=v appends to an array.")
    List<String> rawFields = new ArrayList<>();

    @Option(names = {"-F", "--field"}, paramLabel = "KEY=VALUE",
            description = "A typed field: true, false, null and integers become JSON literals, @FILE reads a file "
                    + "(@- standard input). Repeatable; key[]=v appends to an array.")
    List<String> typedFields = new ArrayList<>();

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE", description = "An extra request header. Repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-i", "--include"}, description = "Print the response status line and headers before the body.")
    boolean include;

    @Option(names = "--paginate", description = "Follow the Link header's next pages (GET only) and print all items as one array.")
    boolean paginate;

    @Option(names = "--hostname", paramLabel = "HOST", description = "The GitHub host (default github.com).")
    @Nullable String hostname;

    @Override
    public void run() {
        CommandSpec commandSpec = Objects.requireNonNull(spec, "spec");
        IntegrationsCommand root = IntegrationsCommand.of(commandSpec);
        PrintWriter out = commandSpec.commandLine().getOut();
        Map<String, Object> fields = fields(root.environment());
        String verb = method == null ? (fields.isEmpty() ? "GET" : "POST") : method.strip().toUpperCase(Locale.ROOT);
        if (!METHOD.matcher(verb).matches()) {
            throw new CliException(ExitCodes.USAGE, "Invalid --method: " + method);
        }
        if (paginate && !verb.equals("GET")) {
            throw new CliException(ExitCodes.USAGE, "--paginate works with GET requests only.");
        }
        HostAuth host = root.loggedInHost(hostname);
        GithubRequest request = request(host, verb, fields);
        try (Integrations session = host.session()) {
            GithubClient github = session.github();
            if (paginate) {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                Iterator<Page<JsonNode>> pages = github.rawPages(request).pageIterator();
                while (pages.hasNext()) {
                    Page<JsonNode> page = pages.next();
                    if (include) {
                        printHead(out, page.response());
                    }
                    page.items().forEach(items::add);
                }
                print(out, items);
            } else {
                GithubResponse response = github.rawRequest(request);
                if (include) {
                    printHead(out, response);
                }
                if (!response.body().isMissingNode()) {
                    print(out, response.body());
                } else if (!response.text().isEmpty()) {
                    out.println(response.text());
                }
            }
        }
        out.flush();
    }

    private GithubRequest request(HostAuth host, String verb, Map<String, Object> fields) {
        String target = endpoint.strip();
        String api = host.host().apiUrl().toString();
        if (target.startsWith("http://") || target.startsWith("https://")) {
            if (!target.startsWith(api + "/")) {
                throw new CliException(ExitCodes.USAGE, "The endpoint must be a path, or a URL below " + api + "/ (the API of "
                        + host.host().name() + "): " + endpoint);
            }
            target = target.substring(api.length());
        }
        if (target.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "Missing endpoint, e.g. integrations api user");
        }
        if (!target.startsWith("/")) {
            target = "/" + target;
        }
        String query = null;
        int question = target.indexOf('?');
        if (question >= 0) {
            query = target.substring(question + 1);
            target = target.substring(0, question);
        }
        GithubRequest.Builder builder = GithubRequest.builder().method(verb).path(target);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                builder.query(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        if (verb.equals("GET") || verb.equals("HEAD")) {
            fields.forEach((key, value) -> builder.query(key, queryValue(value)));
        } else if (!fields.isEmpty()) {
            builder.body(fields);
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new CliException(ExitCodes.USAGE, "A header is NAME:VALUE, e.g. -H 'Accept: application/vnd.github.raw+json'; got: "
                        + header);
            }
            String headerName = header.substring(0, colon).strip();
            if (headerName.equalsIgnoreCase("authorization")) {
                throw new CliException(ExitCodes.USAGE, "The Authorization header comes from the stored login; do not set it.");
            }
            builder.header(headerName, header.substring(colon + 1).strip());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "Invalid request: " + e.getMessage());
        }
    }

    private static String queryValue(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(String.valueOf(item)));
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }

    /** -f and -F fields in order, {@code key[]} collecting an array. */
    private Map<String, Object> fields(CliEnvironment environment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : rawFields) {
            put(fields, field, false, environment);
        }
        for (String field : typedFields) {
            put(fields, field, true, environment);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> fields, String field, boolean typed, CliEnvironment environment) {
        int equals = field.indexOf('=');
        if (equals <= 0) {
            throw new CliException(ExitCodes.USAGE, "A field is KEY=VALUE, e.g. -f title=Bug; got: " + field);
        }
        String key = field.substring(0, equals);
        String text = field.substring(equals + 1);
        Object value = typed ? typedValue(text, environment) : text;
        if (key.endsWith("[]")) {
            String arrayKey = key.substring(0, key.length() - 2);
            Object existing = fields.get(arrayKey);
            List<Object> list;
            if (existing instanceof List<?>) {
                list = (List<Object>) existing;
            } else {
                list = new ArrayList<>();
                fields.put(arrayKey, list);
            }
            list.add(value);
        } else {
            fields.put(key, value);
        }
    }

    private static @Nullable Object typedValue(String text, CliEnvironment environment) {
        switch (text) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        if (text.startsWith("@")) {
            String file = text.substring(1);
            try {
                byte[] content = file.equals("-") ? environment.stdin().readAllBytes() : Files.readAllBytes(Path.of(file));
                return new String(content, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCodes.USAGE, "Cannot read the field's file " + file + ": " + e.getMessage());
            }
        }
        return text;
    }

    private static void printHead(PrintWriter out, GithubResponse response) {
        out.println("HTTP " + response.status());
        new TreeMap<>(response.headers()).forEach((name, values) -> values.forEach(value -> out.println(name + ": " + value)));
        out.println();
    }

    private static void print(PrintWriter out, JsonNode body) {
        try {
            out.println(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw CliException.failure("Cannot print the response: " + e.getMessage());
        }
    }
}
