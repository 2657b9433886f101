package dev.integrations.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Collects a response body of unknown length into one array, up to a limit: past it the
 * subscription is cancelled (the rest is never read) and {@link #exceeded()} turns true.
 * Collecting the client's own buffers directly costs one copy, where reading through an
 * {@code InputStream} costs two. (A body whose length the headers give is read by the JDK's own
 * byte-array subscriber instead; see {@link JdkBodyHandler}.)
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> buffers = new ArrayList<>(2);
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean aborted;
    private long size;
    private volatile boolean exceeded;

    /** @param limit the most bytes to collect */
    LimitedBodySubscriber(int limit) {
        this.limit = limit;
    }

    /** Whether the body was larger than the limit (the result is then empty). */
    boolean exceeded() {
        return exceeded;
    }

    /**
     * Stops reading: cancels the subscription (so the client closes the connection) and fails the
     * body. Safe from any thread, also before the client has subscribed: the subscription is then
     * cancelled as it arrives.
     */
    void abort(Throwable reason) {
        aborted = true;
        // Failed first: cancelling makes the client report its own error (a short body) to onError.
        body.completeExceptionally(reason);
        // The flag is written before the subscription is read, while onSubscribe writes the
        // subscription before it reads the flag: one side sees the other and cancels (twice is harmless).
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
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
