package dev.integrations.github;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One page of a GitHub list response: its items, the response it came from and the pagination
 * links of its {@code Link} header
 * (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api). Some links may be missing: GitHub leaves out
 * {@code last} when it cannot compute it, and {@code prev}/{@code first} on the first page.
 *
 * @param <T> the item type
 */
public interface Page<T> {
    /**
     * The items of this page, in the order GitHub returned them.
     *
     * @return the items
     */
    List<T> items();

    /**
     * The response this page was read from (status, headers, raw JSON).
     *
     * @return the response
     */
    GithubResponse response();

    /**
     * 1 for the first page fetched, 2 for the one after, and so on.
     *
     * @return the page number within this walk
     */
    int number();

    /**
     * The {@code rel="next"} URL, exactly as GitHub gave it.
     *
     * @return the URL, if GitHub named one
     */
    Optional<URI> nextUrl();

    /**
     * The {@code rel="prev"} URL.
     *
     * @return the URL, if GitHub named one
     */
    Optional<URI> prevUrl();

    /**
     * The {@code rel="first"} URL.
     *
     * @return the URL, if GitHub named one
     */
    Optional<URI> firstUrl();

    /**
     * The {@code rel="last"} URL, when GitHub could compute it.
     *
     * @return the URL, if GitHub named one
     */
    Optional<URI> lastUrl();

    /**
     * True when GitHub says there is a next page.
     *
     * @return whether a next page exists
     */
    default boolean hasNext() {
        return nextUrl().isPresent();
    }
}
