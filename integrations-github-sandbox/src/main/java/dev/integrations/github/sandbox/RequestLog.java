package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every request a sandbox received, in arrival order. */
final class RequestLog {

    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

    void add(RecordedRequest request) {
        requests.add(request);
    }

    List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    List<RecordedRequest> forPath(String path) {
        List<RecordedRequest> result = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.path().equals(path)) {
                result.add(request);
            }
        }
        return List.copyOf(result);
    }

    void clear() {
        requests.clear();
    }
}
