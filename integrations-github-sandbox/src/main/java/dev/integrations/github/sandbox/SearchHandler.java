package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /search/issues?q=...}: issues and pull requests of the repositories the caller can
 * see, in the {@code issue-search-result-item} shape, paginated (at most 1,000 results, as on
 * GitHub) with a {@code Link} header.
 *
 * <p>The query is words and {@code "quoted phrases"}, each of which must occur (ignoring case) in
 * the fields named by {@code in:} (default title and body), plus these qualifiers:
 * {@code repo:OWNER/NAME}, {@code user:} / {@code org:}, {@code is:issue|pr|open|closed|merged|unmerged},
 * {@code type:issue|pr}, {@code state:open|closed}, {@code in:title,body,comments},
 * {@code author:}, {@code assignee:}, {@code label:} ({@code label:"two words"}), {@code no:label},
 * {@code no:assignee}, {@code head:BRANCH} and {@code base:BRANCH}; a leading {@code -} negates a
 * qualifier. {@code sort} ({@code created}, {@code updated}, {@code comments}) and {@code order};
 * the default order is newest first. A {@code repo:} the caller cannot see is 422, as GitHub answers.
 */
final class SearchHandler {

    static final String DOCS = "https://docs.github.com/rest/search/search#search-issues-and-pull-requests";
    static final int MAX_RESULTS = 1000;

    private final RepositoryAccess access;
    private final IssueStore issues;
    private final PullStore pulls;
    private final IssueJson json;

    SearchHandler(RepositoryAccess access, IssueStore issues, PullStore pulls, IssueJson json) {
        this.access = access;
        this.issues = issues;
        this.pulls = pulls;
        this.json = json;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/search/issues", DOCS, "", this::search);
    }

    private record Qualifier(String key, String value, boolean negated) {
    }

    private void search(ApiCall call) {
        String q = call.query().get("q");
        if (q == null || q.isBlank()) {
            throw ApiError.validation(call.docs(), ApiError.field("Search", "q", "missing"));
        }
        List<String> terms = new ArrayList<>();
        List<Qualifier> qualifiers = new ArrayList<>();
        parse(q, terms, qualifiers);

        Set<Long> repositories = null;
        for (Qualifier qualifier : qualifiers) {
            if (qualifier.key().equals("repo") && !qualifier.negated()) {
                String[] parts = qualifier.value().split("/", 2);
                Optional<SandboxRepository> repository = parts.length == 2
                        ? access.repositories().find(parts[0], parts[1]).filter(r -> access.canSee(call.caller(), r))
                        : Optional.empty();
                if (repository.isEmpty()) {
                    String message = "The listed users and repositories cannot be searched either because the resources "
                            + "do not exist or you do not have permission to view them.";
                    Map<String, Object> error = ApiError.custom("Search", "q", message);
                    error.put("code", "invalid");
                    throw ApiError.validation("Validation Failed", call.docs(), List.of(error));
                }
                repositories = repositories == null ? new HashSet<>() : repositories;
                repositories.add(repository.get().id());
            }
        }
        Set<String> in = new HashSet<>();
        qualifiers.stream().filter(x -> x.key().equals("in"))
                .forEach(x -> in.addAll(List.of(x.value().toLowerCase(Locale.ROOT).split(","))));
        if (in.isEmpty()) {
            in.addAll(List.of("title", "body"));
        }

        List<Result> results = new ArrayList<>();
        for (IssueStore.Issue issue : issues.everything()) {
            if (repositories != null && !repositories.contains(issue.repositoryId())) {
                continue;
            }
            Optional<SandboxRepository> repository = access.repositories().byId(issue.repositoryId())
                    .filter(r -> access.canSee(call.caller(), r));
            if (repository.isEmpty()) {
                continue;
            }
            if (matches(repository.get(), issue, terms, qualifiers, in)) {
                results.add(new Result(repository.get(), issue));
            }
        }
        results.sort(order(call.query().getOrDefault("sort", "created"), call.query().get("order")));
        List<Result> capped = results.size() > MAX_RESULTS ? results.subList(0, MAX_RESULTS) : results;
        call.respondWrappedPage("items", capped, r -> json.searchItem(r.repository(), r.issue()),
                Map.of("incomplete_results", false, "search_type", "lexical"));
    }

    private record Result(SandboxRepository repository, IssueStore.Issue issue) {
    }

    private boolean matches(SandboxRepository repository, IssueStore.Issue issue, List<String> terms,
                            List<Qualifier> qualifiers, Set<String> in) {
        for (Qualifier qualifier : qualifiers) {
            Boolean result = test(repository, issue, qualifier);
            if (result != null && result == qualifier.negated()) {
                return false;
            }
        }
        StringBuilder text = new StringBuilder();
        if (in.contains("title")) {
            text.append(issue.title()).append('\n');
        }
        if (in.contains("body") && issue.body() != null) {
            text.append(issue.body()).append('\n');
        }
        if (in.contains("comments")) {
            for (IssueStore.Comment comment : issues.comments(issue.repositoryId(), issue.number())) {
                text.append(comment.body()).append('\n');
            }
        }
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        for (String term : terms) {
            if (!haystack.contains(term.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the issue has the qualifier's property; {@code null} when the qualifier does not filter (e.g. {@code in:}). */
    private @Nullable Boolean test(SandboxRepository repository, IssueStore.Issue issue, Qualifier qualifier) {
        String value = qualifier.value();
        String lower = value.toLowerCase(Locale.ROOT);
        Optional<PullStore.Pull> pull = issue.isPullRequest() ? pulls.pull(issue.repositoryId(), issue.number()) : Optional.empty();
        return switch (qualifier.key()) {
            case "repo" -> repository.fullName().equalsIgnoreCase(value);
            case "user", "org", "owner" -> repository.owner().login().equalsIgnoreCase(value);
            case "is", "type" -> switch (lower) {
                case "issue" -> !issue.isPullRequest();
                case "pr", "pull-request" -> issue.isPullRequest();
                case "open" -> issue.isOpen();
                case "closed" -> !issue.isOpen();
                case "merged" -> pull.map(PullStore.Pull::merged).orElse(false);
                case "unmerged" -> issue.isPullRequest() && !issue.isOpen() && !pull.map(PullStore.Pull::merged).orElse(false);
                case "public" -> !repository.isPrivate();
                case "private" -> repository.isPrivate();
                default -> false;
            };
            case "state" -> issue.state().equals(lower);
            case "author" -> issue.user().login().equalsIgnoreCase(value);
            case "assignee" -> issue.assignees().stream().anyMatch(u -> u.login().equalsIgnoreCase(value));
            case "label" -> issue.labels().stream().anyMatch(l -> l.equalsIgnoreCase(value));
            case "no" -> switch (lower) {
                case "label" -> issue.labels().isEmpty();
                case "assignee" -> issue.assignees().isEmpty();
                case "milestone" -> true;
                default -> false;
            };
            case "head" -> pull.map(p -> p.headRef().equals(value)).orElse(false);
            case "base" -> pull.map(p -> p.baseRef().equals(value)).orElse(false);
            default -> null;
        };
    }

    /** Splits a query into free-text terms and {@code key:value} qualifiers, honouring double quotes. */
    static void parse(String q, List<String> terms, List<Qualifier> qualifiers) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    tokens.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        for (String token : tokens) {
            if (token.equals("AND")) {
                continue;
            }
            int colon = token.indexOf(':');
            boolean qualifierLike = colon > 0 && !token.startsWith("\"") && token.substring(0, colon).matches("-?[a-z-]+");
            if (qualifierLike) {
                boolean negated = token.startsWith("-");
                String key = token.substring(negated ? 1 : 0, colon).toLowerCase(Locale.ROOT);
                String value = unquote(token.substring(colon + 1));
                if (KNOWN.contains(key) && !value.isEmpty()) {
                    qualifiers.add(new Qualifier(key, value, negated));
                    continue;
                }
            }
            String term = unquote(token).trim();
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
    }

    private static final Set<String> KNOWN = Set.of("repo", "user", "org", "owner", "is", "type", "state", "in", "author",
            "assignee", "label", "no", "head", "base");

    private static String unquote(String value) {
        return value.replace("\"", "");
    }

    private static Comparator<Result> order(String sort, @Nullable String direction) {
        Comparator<Result> comparator = switch (sort.toLowerCase(Locale.ROOT)) {
            case "updated" -> Comparator.comparing(r -> r.issue().updatedAt());
            case "comments" -> Comparator.comparingInt(r -> r.issue().comments());
            default -> Comparator.comparing(r -> r.issue().createdAt());
        };
        comparator = comparator.thenComparingLong(r -> r.issue().id());
        return "asc".equalsIgnoreCase(direction) ? comparator : comparator.reversed();
    }
}
