package dev.integrations.internal.github.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.Page;
import dev.integrations.github.Pages;
import dev.integrations.github.TooManyPagesException;
import dev.integrations.internal.http.LinkHeader;
import dev.integrations.http.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Pages} implementation: the walk described there, over a {@link Fetcher}.
 *
 * @param <T> the item type
 */
public final class DefaultPages<T> implements Pages<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    /** How a {@code Pages} reaches the API; implemented by the client. */
    public interface Fetcher {
        /** Sends the first request. */
        GithubResponse first(GithubRequest request);

        /** Fetches a {@code next} URL with the first request's headers, after checking its host. */
        GithubResponse next(URI url, GithubRequest first);

        /** The URI the first request resolves to, for relative links. */
        URI resolve(GithubRequest request);
    }

    private final Fetcher fetcher;
    private final GithubRequest request;
    private final Function<JsonNode, ? extends T> mapper;
    private final @Nullable Integer perPage;
    private final long maxItems;
    private final @Nullable String itemsField;
    private final int maxPages;

    /**
     * A walk over the list {@code request} names.
     *
     * @param fetcher sends the requests
     * @param request the first request, a GET
     * @param mapper turns one JSON item into a {@code T}
     */
    public DefaultPages(Fetcher fetcher, GithubRequest request, Function<JsonNode, ? extends T> mapper) {
        this(fetcher, request, mapper, null, Long.MAX_VALUE, null, DEFAULT_MAX_PAGES);
    }

    private DefaultPages(Fetcher fetcher, GithubRequest request, Function<JsonNode, ? extends T> mapper,
                         @Nullable Integer perPage, long maxItems, @Nullable String itemsField, int maxPages) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.request = Objects.requireNonNull(request, "request");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        if (!request.method().equals("GET")) {
            throw new IllegalArgumentException("Only GET requests can be paginated, not " + request.method());
        }
        this.perPage = perPage;
        this.maxItems = maxItems;
        this.itemsField = itemsField;
        this.maxPages = maxPages;
    }

    /**
     * The same list read {@code perPage} items per request.
     *
     * @throws IllegalArgumentException unless {@code 1 <= perPage <= 100}
     */
    @Override
    public Pages<T> perPage(int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be between 1 and " + MAX_PER_PAGE + ", got " + perPage);
        }
        return new DefaultPages<>(fetcher, request, mapper, perPage, maxItems, itemsField, maxPages);
    }

    /**
     * The same list stopped after {@code maxItems} items: no page beyond the one holding the last
     * of them is fetched.
     *
     * @throws IllegalArgumentException if {@code maxItems} is negative
     */
    @Override
    public Pages<T> maxItems(long maxItems) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems must be 0 or more, got " + maxItems);
        }
        return new DefaultPages<>(fetcher, request, mapper, perPage, maxItems, itemsField, maxPages);
    }

    /**
     * The same list read at most {@code maxPages} pages per walk; a list with a {@code next}
     * page beyond them throws {@link TooManyPagesException} when that page is asked for.
     *
     * @throws IllegalArgumentException if {@code maxPages} is below 1
     */
    @Override
    public Pages<T> maxPages(int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be 1 or more, got " + maxPages);
        }
        return new DefaultPages<>(fetcher, request, mapper, perPage, maxItems, itemsField, maxPages);
    }

    /** The same list with items read from the array field {@code field} of an object body. */
    @Override
    public Pages<T> itemsField(String field) {
        return new DefaultPages<>(fetcher, request, mapper, perPage, maxItems, Objects.requireNonNull(field, "field"), maxPages);
    }

    /** Fetches and returns the first page (one request), up to the cap. */
    @Override
    public Page<T> firstPage() {
        Iterator<Page<T>> pages = pageIterator();
        if (!pages.hasNext()) {
            throw new NoSuchElementException("maxItems is 0: there is no first page to fetch");
        }
        return pages.next();
    }

    /** A lazy iterator over the pages; the last one is trimmed to the cap. */
    @Override
    public Iterator<Page<T>> pageIterator() {
        return new PageCursor();
    }

    /** A lazy, sequential stream of the pages. */
    @Override
    public Stream<Page<T>> pages() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pageIterator(), Spliterator.ORDERED), false);
    }

    /** A lazy iterator over the items of every page. */
    @Override
    public Iterator<T> iterator() {
        return new ItemCursor(new PageCursor());
    }

    /** A lazy, sequential stream of the items of every page. */
    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Every item (up to the cap), fetching every page. */
    @Override
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        iterator().forEachRemaining(all::add);
        return all;
    }

    private GithubRequest firstRequest() {
        boolean callerSetPerPage = request.query().containsKey("per_page") || request.path().contains("per_page=");
        int size;
        if (perPage != null) {
            size = perPage;
        } else if (callerSetPerPage) {
            return request;
        } else {
            size = MAX_PER_PAGE;
        }
        if (maxItems < size) {
            size = (int) Math.max(1, maxItems);
        }
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.put("per_page", Integer.toString(size));
        return new GithubRequest(request.method(), request.path(), query, request.body(), request.headers());
    }

    private List<T> itemsOf(GithubResponse response, String where) {
        JsonNode body = response.body();
        if (response.status() == 204 || body.isMissingNode() || body.isNull()) {
            return List.of();
        }
        JsonNode array = body;
        if (body.isObject()) {
            array = itemsField != null ? body.path(itemsField) : onlyArrayField(body);
        }
        if (array == null || !array.isArray()) {
            throw new TransportException("GitHub GET " + where + " did not return a list"
                    + (itemsField != null ? " in field '" + itemsField + "'" : "")
                    + "; for a wrapped list with several arrays, name the field with itemsField(...)");
        }
        List<T> items = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            items.add(mapper.apply(element));
        }
        return items;
    }

    private static @Nullable JsonNode onlyArrayField(JsonNode body) {
        JsonNode found = null;
        for (Iterator<JsonNode> it = body.elements(); it.hasNext(); ) {
            JsonNode value = it.next();
            if (value.isArray()) {
                if (found != null) {
                    return null;
                }
                found = value;
            }
        }
        return found;
    }

    /** Walks the pages: fetches one only when asked whether there is one. */
    private final class PageCursor implements Iterator<Page<T>> {
        private boolean started;
        private @Nullable URI nextUrl;
        private long yielded;
        private int number;
        private @Nullable Page<T> buffered;
        /** Every page URL this walk has read, to recognise a cycle; at most maxPages entries. */
        private final Set<URI> visited = new HashSet<>();

        @Override
        public boolean hasNext() {
            if (buffered != null) {
                return true;
            }
            if (yielded >= maxItems || (started && nextUrl == null)) {
                return false;
            }
            // Once started, the check above has returned unless there is a next page.
            URI pending = nextUrl;
            if (number >= maxPages) {
                throw new TooManyPagesException("GitHub GET " + request.path() + " has more than " + maxPages
                        + " pages (next: " + (pending == null ? null : pending.getRawPath()) + "); read fewer items with maxItems(...), or allow"
                        + " more pages with maxPages(...)", maxPages);
            }
            GithubResponse response;
            URI base;
            String where;
            if (!started) {
                GithubRequest first = firstRequest();
                base = fetcher.resolve(first);
                where = first.path();
                response = fetcher.first(first);
                started = true;
            } else {
                URI url = Objects.requireNonNull(pending);
                base = url;
                where = url.getRawPath();
                response = fetcher.next(url, request);
            }
            visited.add(base.normalize());
            LinkHeader links = LinkHeader.parse(response.header("link").orElse(null), base);
            List<T> items = itemsOf(response, where);
            if (items.size() > maxItems - yielded) {
                items = items.subList(0, (int) (maxItems - yielded));
            }
            yielded += items.size();
            number++;
            URI next = links.get("next").orElse(null);
            // A next link back to a page already read would loop forever; every page has been read once.
            if (next != null && visited.contains(next.normalize())) {
                LOG.debug("GitHub GET {}: the next link of page {} points back at a page already read; stopping",
                        request.path(), number);
                next = null;
            }
            nextUrl = next;
            buffered = new DefaultPage<>(items, response, links, number);
            return true;
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            // hasNext() returned true, so a page is buffered.
            Page<T> page = Objects.requireNonNull(buffered);
            buffered = null;
            return page;
        }
    }

    /** Walks the items of the pages, fetching the next page when the current one is used up. */
    private final class ItemCursor implements Iterator<T> {
        private final PageCursor pages;
        private Iterator<T> current = java.util.Collections.emptyIterator();

        ItemCursor(PageCursor pages) {
            this.pages = pages;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                current = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    @Override
    public String toString() {
        return "Pages[GET " + request.path() + (perPage != null ? ", per_page=" + perPage : "")
                + (maxItems != Long.MAX_VALUE ? ", maxItems=" + maxItems : "")
                + (maxPages != DEFAULT_MAX_PAGES ? ", maxPages=" + maxPages : "") + "]";
    }
}
