package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, as a list action returns it: the typed items, the JSON they came from,
 * whether GitHub has more, and (for results of the provider's list actions) the whole list as
 * lazily fetched {@link Pages}.
 *
 * <pre>{@code
 * ListResult<Repository> first = github.listRepositories(r -> r.perPage(50));
 * first.items();                                   // this page
 * first.pages().maxItems(500).stream()           // this page and the ones after, fetched as needed
 * }</pre>
 *
 * @param items the items of this page, in GitHub's order
 * @param totalCount the total number of items across all pages when GitHub says so (e.g. the
 *     codespace listings' {@code total_count}), else null
 * @param hasNextPage whether GitHub's {@code Link} header names a next page
 * @param raw the whole JSON body: the array, or the object wrapping it
 * @param pages the list from this page on, fetched lazily by following {@code Link} headers
 *     (iterating starts by reading this page again, which the response cache answers with a
 *     free 304 when it is on; cap it with {@link Pages#maxItems(long)}); null only for a result
 *     read with {@link #fromJson} rather than returned by an action
 * @param <T> the item type
 */
public record ListResult<T>(List<T> items, @Nullable Long totalCount, boolean hasNextPage, @Nullable JsonNode raw,
                            @Nullable Pages<T> pages) {
    /**
     * Copies the items and the JSON, so later changes by the caller do not show here.
     *
     * @param items the items of this page, in GitHub's order
     * @param totalCount the total number of items across all pages when GitHub says so (e.g. the
     *     codespace listings' {@code total_count}), else null
     * @param hasNextPage whether GitHub's {@code Link} header names a next page
     * @param raw the whole JSON body: the array, or the object wrapping it
     * @param pages the list from this page on, fetched lazily by following {@code Link} headers
     *     (iterating starts by reading this page again, which the response cache answers with a
     *     free 304 when it is on; cap it with {@link Pages#maxItems(long)}); null only for a result
     *     read with {@link #fromJson} rather than returned by an action
     */
    public ListResult {
        items = List.copyOf(items);
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads a listing body: a JSON array, or an object holding the array under {@code field} (as
     * {@code {"total_count": 3, "codespaces": [...]}}) when {@code field} is not null.
     *
     * @param json the listing body
     * @param field the name of the array field of a wrapped listing, or null for a plain array
     * @param item reads one item
     * @param <T> the item type
     * @return the page, without {@link #pages()} and without a next page
     * @throws IllegalArgumentException when {@code json} is not such a listing
     */
    public static <T> ListResult<T> fromJson(@Nullable JsonNode json, @Nullable String field, Function<JsonNode, T> item) {
        JsonNode array = field == null ? json : json == null ? null : json.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("not a GitHub listing: expected " + (field == null ? "a JSON array"
                    : "an object with the array '" + field + "'"));
        }
        List<T> items = new java.util.ArrayList<>(array.size());
        for (JsonNode element : array) {
            items.add(item.apply(element));
        }
        return new ListResult<>(items, totalCount(json), false, json, null);
    }

    /**
     * The {@code total_count} of a wrapped listing.
     *
     * @param json a listing body, or null
     * @return the total count, or null when {@code json} is not an object carrying one
     */
    public static @Nullable Long totalCount(@Nullable JsonNode json) {
        return json != null && json.isObject() && json.hasNonNull("total_count") ? json.get("total_count").asLong() : null;
    }

    /**
     * The JSON as GitHub sent it, read-only: {@code deepCopy()} it to change it.
     *
     * @return a copy of the whole body, or null when the result was created without one
     */
    @Override
    public @Nullable JsonNode raw() {
        return raw;
    }

    /**
     * The number of items on this page.
     *
     * @return the size of {@link #items()}
     */
    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return "ListResult[" + items.size() + " items" + (totalCount == null ? "" : " of " + totalCount)
                + (hasNextPage ? ", more pages" : "") + "]";
    }
}
