package dev.integrations.github;

import dev.integrations.internal.http.LinkHeader;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a GitHub list response: its items, the response it came from and the pagination
 * links of its {@code Link} header
 * (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api). Some links may be missing: GitHub leaves out
 * {@code last} when it cannot compute it, and {@code prev}/{@code first} on the first page.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final GithubResponse response;
    private final LinkHeader links;
    private final int number;

    Page(List<T> items, GithubResponse response, LinkHeader links, int number) {
        this.items = List.copyOf(items);
        this.response = Objects.requireNonNull(response, "response");
        this.links = Objects.requireNonNull(links, "links");
        this.number = number;
    }

    /** The items of this page, in the order GitHub returned them. */
    public List<T> items() {
        return items;
    }

    /** The response this page was read from (status, headers, raw JSON). */
    public GithubResponse response() {
        return response;
    }

    /** 1 for the first page fetched, 2 for the one after, and so on. */
    public int number() {
        return number;
    }

    /** The {@code rel="next"} URL, exactly as GitHub gave it. */
    public Optional<URI> nextUrl() {
        return links.get("next");
    }

    /** The {@code rel="prev"} URL. */
    public Optional<URI> prevUrl() {
        return links.get("prev");
    }

    /** The {@code rel="first"} URL. */
    public Optional<URI> firstUrl() {
        return links.get("first");
    }

    /** The {@code rel="last"} URL, when GitHub could compute it. */
    public Optional<URI> lastUrl() {
        return links.get("last");
    }

    /** True when GitHub says there is a next page. */
    public boolean hasNext() {
        return nextUrl().isPresent();
    }

    @Override
    public String toString() {
        return "Page[" + number + ", " + items.size() + " items, links " + links.asMap().keySet() + "]";
    }
}
