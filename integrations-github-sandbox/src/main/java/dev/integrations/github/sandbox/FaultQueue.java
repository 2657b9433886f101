package dev.integrations.github.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/** Canned responses waiting for their path: first in, first out, one request each. */
final class FaultQueue {

    private final Map<String, Queue<SandboxResponse>> byPath = new ConcurrentHashMap<>();

    void enqueue(String path, SandboxResponse response) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(response, "response");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        byPath.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(response);
    }

    /** The next canned response for {@code path}, removed from the queue, or {@code null}. */
    @Nullable SandboxResponse poll(String path) {
        Queue<SandboxResponse> queue = byPath.get(path);
        return queue == null ? null : queue.poll();
    }
}
