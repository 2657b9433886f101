package dev.integrations.internal.github.paging;

import dev.integrations.github.GithubResponse;
import dev.integrations.github.Page;
import dev.integrations.internal.http.LinkHeader;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Page} implementation over a parsed {@code Link} header.
 *
 * @param <T> the item type
 */
public final class DefaultPage<T> implements Page<T> {
    private final List<T> items;
    private final GithubResponse response;
    private final LinkHeader links;
    private final int number;

    DefaultPage(List<T> items, GithubResponse response, LinkHeader links, int number) {
        this.items = List.copyOf(items);
        this.response = Objects.requireNonNull(response, "response");
        this.links = Objects.requireNonNull(links, "links");
        this.number = number;
    }

    /** The items of this page, in the order GitHub returned them. */
    @Override
    public List<T> items() {
        return items;
    }

    /** The response this page was read from (status, headers, raw JSON). */
    @Override
    public GithubResponse response() {
        return response;
    }

    /** 1 for the first page fetched, 2 for the one after, and so on. */
    @Override
    public int number() {
        return number;
    }

    /** The {@code rel="next"} URL, exactly as GitHub gave it. */
    @Override
    public Optional<URI> nextUrl() {
        return links.get("next");
    }

    /** The {@code rel="prev"} URL. */
    @Override
    public Optional<URI> prevUrl() {
        return links.get("prev");
    }

    /** The {@code rel="first"} URL. */
    @Override
    public Optional<URI> firstUrl() {
        return links.get("first");
    }

    /** The {@code rel="last"} URL, when GitHub could compute it. */
    @Override
    public Optional<URI> lastUrl() {
        return links.get("last");
    }

    /** True when GitHub says there is a next page. */
    @Override
    public boolean hasNext() {
        return nextUrl().isPresent();
    }

    @Override
    public String toString() {
        return "Page[" + number + ", " + items.size() + " items, links " + links.asMap().keySet() + "]";
    }
}
