package dev.integrations.github;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A GitHub list, read lazily page by page by following the {@code rel="next"} URL of each
 * response's {@code Link} header
 * (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api):
 *
 * <pre>{@code
 * Pages<JsonNode> repos = github.rawPages("/user/repos").maxItems(250);
 * repos.stream().map(r -> r.get("full_name").asText()).forEach(System.out::println);
 * Page<JsonNode> first = repos.firstPage();   // one request; first.hasNext(), first.lastUrl()...
 * }</pre>
 *
 * <p>Nothing is fetched until it is needed: creating a {@code Pages} sends no request, an
 * iterator or stream fetches the first page when first asked for an element, and each further
 * page only when the previous one is used up. Each iteration starts again from the first page.
 * Iterators and streams are not thread-safe; the {@code Pages} value itself is immutable.
 *
 * <p>Next URLs are followed exactly as GitHub wrote them (endpoints paginate by {@code page},
 * {@code before}/{@code after} or {@code since}; clients must not build them), and only when they
 * point at the configured API host, so a forged header cannot send the user's token elsewhere.
 * {@code per_page} defaults to {@value #MAX_PER_PAGE}, GitHub's maximum, to spend as few
 * rate-limited requests as possible, or to the cap when the cap is smaller.
 *
 * <p>A broken or hostile server cannot make a walk endless. A {@code next} link to a page this
 * walk has already read (a cycle such as A &rarr; B &rarr; A, or a page linking to itself) ends
 * the walk there: every distinct page has then been read once, and reading them again would only
 * repeat items. And a walk reads at most {@link #maxPages(int)} pages ({@value #DEFAULT_MAX_PAGES}
 * by default, a million items at 100 per page); a list that still has a {@code next} page after
 * that throws {@link TooManyPagesException} rather than silently stopping short, since the items
 * beyond would be lost without a word. {@link #maxItems(long)} stops earlier on purpose.
 *
 * <p>Items are the elements of the JSON array body, or of the array inside GitHub's wrapped
 * lists ({@code {"total_count": 2, "repositories": [...]}}): the only array-valued field, or the
 * one named with {@link #itemsField(String)}. A {@code 204 No Content} is an empty list.
 *
 * @param <T> the item type
 */
public interface Pages<T> extends Iterable<T> {
    /** GitHub's largest page size. */
    int MAX_PER_PAGE = 100;
    /** Pages one walk reads at most, unless {@link #maxPages(int)} says otherwise. */
    int DEFAULT_MAX_PAGES = 10_000;

    /**
     * The same list read {@code perPage} items per request.
     *
     * @param perPage items per request, 1 to {@value #MAX_PER_PAGE}
     * @return a new {@code Pages}; this one is unchanged
     * @throws IllegalArgumentException unless {@code 1 <= perPage <= 100}
     */
    Pages<T> perPage(int perPage);

    /**
     * The same list stopped after {@code maxItems} items: no page beyond the one holding the last
     * of them is fetched.
     *
     * @param maxItems the most items to read, 0 or more
     * @return a new {@code Pages}; this one is unchanged
     * @throws IllegalArgumentException if {@code maxItems} is negative
     */
    Pages<T> maxItems(long maxItems);

    /**
     * The same list read at most {@code maxPages} pages per walk; a list with a {@code next}
     * page beyond them throws {@link TooManyPagesException} when that page is asked for.
     *
     * @param maxPages the most pages one walk reads, 1 or more
     * @return a new {@code Pages}; this one is unchanged
     * @throws IllegalArgumentException if {@code maxPages} is below 1
     */
    Pages<T> maxPages(int maxPages);

    /**
     * The same list with items read from the array field {@code field} of an object body.
     *
     * @param field the name of the array field holding the items
     * @return a new {@code Pages}; this one is unchanged
     */
    Pages<T> itemsField(String field);

    /**
     * Fetches and returns the first page (one request), up to the cap.
     *
     * @return the first page
     */
    Page<T> firstPage();

    /**
     * A lazy iterator over the pages; the last one is trimmed to the cap.
     *
     * @return a new iterator, starting again from the first page
     */
    Iterator<Page<T>> pageIterator();

    /**
     * A lazy, sequential stream of the pages.
     *
     * @return a new stream, starting again from the first page
     */
    Stream<Page<T>> pages();

    /**
     * A lazy iterator over the items of every page.
     *
     * @return a new iterator, starting again from the first page
     */
    @Override
    Iterator<T> iterator();

    /**
     * A lazy, sequential stream of the items of every page.
     *
     * @return a new stream, starting again from the first page
     */
    Stream<T> stream();

    /**
     * Every item (up to the cap), fetching every page.
     *
     * @return the items
     */
    List<T> toList();
}
