package dev.integrations.github.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * JUnit 5 extension giving each test a fresh, started {@link GithubSandbox}, closed after it.
 *
 * <p>Either declaratively, with the sandbox injected as a parameter:
 * <pre>{@code
 * @ExtendWith(GithubSandboxExtension.class)
 * class MyTest {
 *     @Test void signsIn(GithubSandbox github) { ... }
 * }
 * }</pre>
 * or programmatically, with options and an accessor:
 * <pre>{@code
 * @RegisterExtension
 * static GithubSandboxExtension github = new GithubSandboxExtension(b -> b.rateLimit(10));
 *
 * @Test void signsIn() { URI base = github.sandbox().baseUri(); ... }
 * }</pre>
 *
 * <p>A sandbox belongs to the test method that is running (parameter and accessor give the same
 * one). A {@code GithubSandbox} parameter of a {@code @BeforeAll} method (or of a constructor under
 * {@code PER_CLASS} lifecycle) is class-scoped: it is shared by that class's tests and closed after
 * them. With parallel execution, prefer parameter injection: {@link #sandbox()} relies on the test
 * running on the thread that ran its {@code @BeforeEach} callbacks.
 */
public final class GithubSandboxExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GithubSandboxExtension.class);

    private final Consumer<GithubSandbox.Builder> options;
    private final ThreadLocal<GithubSandbox> current = new ThreadLocal<>();
    private final Set<GithubSandbox> open = ConcurrentHashMap.newKeySet();

    /** Sandboxes with default options. */
    public GithubSandboxExtension() {
        this(builder -> {
        });
    }

    /**
     * Sandboxes built with {@code options} applied to {@link GithubSandbox#builder()}.
     *
     * @param options applied to each sandbox's builder before it starts
     */
    public GithubSandboxExtension(Consumer<GithubSandbox.Builder> options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The sandbox of the running test.
     *
     * @return the running sandbox
     * @throws IllegalStateException outside a test, or when several tests run in parallel and the
     *                               calling thread is not a test's thread
     */
    public GithubSandbox sandbox() {
        GithubSandbox sandbox = current.get();
        if (sandbox != null) {
            return sandbox;
        }
        if (open.size() == 1) {
            return open.iterator().next();
        }
        throw new IllegalStateException(open.isEmpty()
                ? "No GitHub sandbox is running: call sandbox() from a test method, @BeforeEach or @AfterEach"
                : "Several GitHub sandboxes are running in parallel: inject GithubSandbox as a test parameter instead");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current.set(sandboxFor(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        current.remove();
        closeOwnedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeOwnedBy(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == GithubSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return sandboxFor(extensionContext);
    }

    /** The sandbox visible from {@code context} (its own or an enclosing context's), started on first use. */
    private GithubSandbox sandboxFor(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(this, key -> {
            GithubSandbox.Builder builder = GithubSandbox.builder();
            options.accept(builder);
            GithubSandbox sandbox = builder.build();
            open.add(sandbox);
            return sandbox;
        }, GithubSandbox.class);
    }

    /** Closes the sandbox stored at exactly this context's level, never an enclosing one. */
    private void closeOwnedBy(ExtensionContext context) {
        GithubSandbox sandbox = context.getStore(NAMESPACE).remove(this, GithubSandbox.class);
        if (sandbox != null) {
            open.remove(sandbox);
            sandbox.close();
        }
    }
}
