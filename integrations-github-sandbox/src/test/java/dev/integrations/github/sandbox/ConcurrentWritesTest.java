package dev.integrations.github.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.integrations.github.sandbox.GitResourcesContractTest.base64;
import static dev.integrations.github.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writes to one repository: numbers stay unique, and of racing conflicting writes exactly one wins. */
class ConcurrentWritesTest {

    private static final int THREADS = 12;

    private static GithubSandbox sandbox;
    private static SandboxUser owner;
    private static SandboxApi api;

    @BeforeAll
    static void start() {
        sandbox = GithubSandbox.start();
        owner = sandbox.registerUser("racer");
        api = new SandboxApi(sandbox, sandbox.issueToken(owner, "repo"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void concurrentIssuesGetDistinctNumbers() throws Exception {
        sandbox.createRepository(owner, "busy");
        List<Integer> numbers = race(i -> {
            HttpResponse<String> response = api.post("/repos/racer/busy/issues", "{\"title\":\"Issue " + i + "\"}");
            assertThat(response.statusCode()).isEqualTo(201);
            return json(response).path("number").asInt();
        });
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n >= 1 && n <= THREADS);
    }

    @Test
    void ofRacingUpdatesWithOneShaExactlyOneWins() throws Exception {
        SandboxRepository repository = sandbox.createRepository(owner, "contested");
        String sha = json(api.get("/repos/racer/contested/contents/README.md")).path("sha").asText();
        List<Integer> statuses = race(i -> api.put("/repos/racer/contested/contents/README.md",
                "{\"message\":\"writer " + i + "\",\"content\":\"" + base64("writer " + i) + "\",\"sha\":\"" + sha + "\"}")
                .statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(sandbox.fileContent(repository, "main", "README.md")).hasValueSatisfying(c -> assertThat(c).startsWith("writer "));
    }

    @Test
    void ofRacingBranchCreationsExactlyOneWins() throws Exception {
        SandboxRepository repository = sandbox.createRepository(owner, "branches");
        String main = sandbox.branches(repository).get("main");
        List<Integer> statuses = race(i -> api.post("/repos/racer/branches/git/refs",
                "{\"ref\":\"refs/heads/same\",\"sha\":\"" + main + "\"}").statusCode());
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(THREADS - 1);
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> race(Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
