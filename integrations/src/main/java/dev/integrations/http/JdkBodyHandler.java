package dev.integrations.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * Chooses how the JDK backend reads one response body under its size limit.
 *
 * <ul>
 *   <li>The headers give the length and it fits: the JDK's own byte-array subscriber, which reads
 *       exactly that many bytes. The client trusts its own subscribers and feeds them on the thread
 *       that read the bytes; any other subscriber is handed to the client's executor first, one
 *       more thread wake-up per call.</li>
 *   <li>The headers give a length past the limit: refused before a byte of the body is read (the
 *       client then closes the connection).</li>
 *   <li>No length (chunked, or delimited by closing the connection), or a {@code Transfer-Encoding}
 *       beside the length, which some clients let override it: {@link LimitedBodySubscriber}, which
 *       counts as the bytes come.</li>
 * </ul>
 */
final class JdkBodyHandler implements HttpResponse.BodyHandler<byte[]> {
    private final int limit;
    private volatile @Nullable LimitedBodySubscriber counting;

    JdkBodyHandler(int limit) {
        this.limit = limit;
    }

    /** Thrown (wrapped, as a handler may not throw checked exceptions) for a declared length past the limit. */
    static final class DeclaredTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        DeclaredTooLarge() {
            super("the response's Content-Length is past the body limit");
        }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long length = declaredLength(info);
        if (length >= 0) {
            if (length > limit) {
                throw new UncheckedIOException(new DeclaredTooLarge());
            }
            return HttpResponse.BodySubscribers.ofByteArray();
        }
        LimitedBodySubscriber subscriber = new LimitedBodySubscriber(limit);
        counting = subscriber;
        return subscriber;
    }

    /** Whether a body of unknown length turned out larger than the limit. */
    boolean exceeded() {
        LimitedBodySubscriber subscriber = counting;
        return subscriber != null && subscriber.exceeded();
    }

    /** Stops reading a body of unknown length, if one is being read (a declared length ends by itself). */
    void abort(Throwable reason) {
        LimitedBodySubscriber subscriber = counting;
        if (subscriber != null) {
            subscriber.abort(reason);
        }
    }

    /** The length the headers give, or -1 when they give none this handler can rely on. */
    private static long declaredLength(HttpResponse.ResponseInfo info) {
        if (info.headers().firstValue("Transfer-Encoding").isPresent()) {
            return -1;
        }
        try {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return length.isPresent() && length.getAsLong() >= 0 ? length.getAsLong() : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
