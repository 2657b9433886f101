package dev.integrations.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Collects a response body into one array, up to a limit: past it the subscription is cancelled
 * (the rest is never read) and {@link #exceeded()} turns true. Collecting the client's own buffers
 * directly costs one copy, where reading through an {@code InputStream} costs two.
 *
 * <p>Its body is the subscriber itself, handed over at once: {@code HttpClient.send} then returns
 * as soon as the headers are in, and the caller waits for the bytes with {@link #await} under
 * whatever is left of its deadline, and {@link #abort}s when that runs out. The client's own
 * request timeout stops at the headers, so the body needs a bound of its own.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<LimitedBodySubscriber> {
    private final int limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>();
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean aborted;
    private long size;
    private volatile boolean exceeded;

    LimitedBodySubscriber(int limit) {
        this.limit = limit;
    }

    /** Whether the body was larger than the limit (the result is then empty). */
    boolean exceeded() {
        return exceeded;
    }

    /**
     * Waits for the whole body.
     *
     * @param timeoutNanos how long to wait at most; zero or less only takes a body already complete
     * @return the body (empty when {@link #exceeded()})
     * @throws TimeoutException when the body was not complete in time (the caller then aborts)
     * @throws InterruptedException when the waiting thread was interrupted (likewise)
     * @throws ExecutionException when reading failed; its cause is what the client reported
     */
    byte[] await(long timeoutNanos) throws InterruptedException, ExecutionException, TimeoutException {
        return body.get(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops reading: cancels the subscription (so the client closes the connection instead of
     * waiting for bytes that may never come) and fails the body. Safe from any thread, also
     * before the client has subscribed: the subscription is then cancelled as it arrives.
     */
    void abort(Throwable reason) {
        aborted = true;
        // Written before the subscription is read, while onSubscribe writes the subscription before
        // it reads the flag: one of the two sides sees the other and cancels (twice is harmless).
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        body.completeExceptionally(reason);
    }

    @Override
    public CompletionStage<LimitedBodySubscriber> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (aborted) {
            subscription.cancel();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (exceeded) {
            return;
        }
        for (ByteBuffer item : items) {
            size += item.remaining();
            buffers.add(item);
        }
        if (size > limit) {
            exceeded = true;
            buffers.clear();
            // onSubscribe always precedes onNext (Flow's contract); the check keeps that explicit.
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
            body.complete(new byte[0]);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        buffers.clear();
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (exceeded) {
            return;
        }
        byte[] all = new byte[(int) size];
        int offset = 0;
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            buffer.get(all, offset, n);
            offset += n;
        }
        buffers.clear();
        body.complete(all);
    }
}
