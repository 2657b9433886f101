package dev.integrations.http;

import dev.integrations.internal.config.ConfigValues;
import dev.integrations.core.ConfigurationException;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Sends requests through a chain of {@link HttpStep}s on one shared {@link TransportBackend}: by
 * default the JDK's {@link HttpClient}, or OkHttp from the {@code integrations-okhttp} module.
 *
 * <p>One transport (and so one {@code HttpClient}, with its connection pool) serves every session
 * of an {@code AuthManager}: sessions never create clients. Bodies are read fully, up to a limit,
 * so an endless or hostile response cannot exhaust memory, and within one deadline (the request's
 * timeout) covering connect, headers and body, so a stalled or trickling response cannot block
 * the caller: it ends in a {@link TransportTimeoutException}. Blocking and thread-safe; it holds
 * no locks, so it runs well on virtual threads.
 */
public final class HttpTransport {
    /** Default cap on response bodies: GitHub's largest ordinary JSON responses are far smaller. */
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The deadline of a request that sets no timeout of its own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The longest timeout a request or client may have: one hour. No GitHub call legitimately
     * takes longer (bodies are capped at {@link #DEFAULT_MAX_BODY_BYTES}), and the JDK client
     * computes its deadlines by adding the timeout to the current time in its one shared
     * selector thread: a timeout near {@code Long.MAX_VALUE} overflows there, kills that thread
     * and leaves every later request of every session hanging.
     */
    public static final Duration MAX_TIMEOUT = ConfigValues.MAX_TIMEOUT;

    private final TransportBackend backend;
    private final List<HttpStep> applicationSteps;
    private final List<HttpStep> networkSteps;
    /**
     * State that lives as long as this transport, like its connection pool (see {@link #shared}).
     * An instance field rather than a static map keyed by transport: it goes away with the
     * transport, and two transports can never see each other's state.
     */
    private final ConcurrentMap<Class<?>, Object> shared;

    private HttpTransport(TransportBackend backend) {
        this(backend, List.of(), List.of(), new ConcurrentHashMap<>());
    }

    private HttpTransport(TransportBackend backend, List<HttpStep> applicationSteps, List<HttpStep> networkSteps,
                          ConcurrentMap<Class<?>, Object> shared) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.applicationSteps = List.copyOf(applicationSteps);
        this.networkSteps = List.copyOf(networkSteps);
        this.shared = shared;
    }

    /**
     * Wraps an existing client (for example one configured with a proxy).
     *
     * @param client a client built with {@code followRedirects(HttpClient.Redirect.NEVER)} (the
     *     default of {@code HttpClient.newBuilder()}) and a connect timeout of at most {@link #MAX_TIMEOUT}
     * @return a transport on that client, with no steps
     * @throws ConfigurationException when the client follows redirects itself: the JDK would then
     *     replay {@code Authorization} to whatever host a redirect names, and the SDK's redirect
     *     step, which drops credentials on a change of host, would never see the 3xx
     */
    public static HttpTransport of(HttpClient client) {
        Objects.requireNonNull(client, "client");
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new ConfigurationException("The HttpClient given to the SDK follows redirects itself (Redirect."
                    + client.followRedirects() + "), so it would send the user's Authorization header to any host a"
                    + " redirect names. Build it with HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER):"
                    + " the SDK follows redirects itself and only ever sends credentials to the API host.");
        }
        client.connectTimeout().ifPresent(timeout -> {
            if (timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new ConfigurationException("The HttpClient given to the SDK has a connect timeout of " + timeout
                        + ", above the maximum of " + MAX_TIMEOUT + "; build it with a smaller connectTimeout, e.g. 10 seconds");
            }
        });
        return new HttpTransport(new JdkBackend(client));
    }

    /**
     * A transport that sends through another backend, such as the one in the
     * {@code integrations-okhttp} module ({@code OkHttpTransport.create()}). The steps, deadlines,
     * body limit and redirect rules are the SDK's, whatever the backend.
     *
     * @param backend the backend; it must keep the contract described on {@link TransportBackend}
     * @return a transport on that backend, with no steps
     */
    public static HttpTransport of(TransportBackend backend) {
        return new HttpTransport(Objects.requireNonNull(backend, "backend"));
    }

    /**
     * Creates a transport with a new client: HTTP/1.1 and HTTP/2, a 10 second connect timeout,
     * and no automatic redirects (a redirect to another host must not carry our credentials,
     * so redirects are the caller's decision).
     *
     * @return a transport with its own new client and no steps
     */
    public static HttpTransport create() {
        return new HttpTransport(new JdkBackend(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()));
    }

    /**
     * This transport with user steps added around the SDK's own (the same client and shared state).
     * Clients built on it place them like OkHttp's interceptors:
     * <ul>
     *   <li>{@code applicationSteps} run first, outside everything the SDK adds: each sees a call
     *       once, as the caller made it (before authorization headers, redirects and retries), and
     *       its final result;</li>
     *   <li>{@code networkSteps} run last, just before the network: each sees every attempt that
     *       goes on the wire (every redirect hop and every retry), with the headers actually sent,
     *       and never sees a response the cache answered without a request.</li>
     * </ul>
     * Within each list, the first step is outermost. A step sees the {@code Authorization} header
     * of network attempts: it must not log it.
     *
     * @param applicationSteps steps that see each call once
     * @param networkSteps steps that see each network attempt
     * @return a new transport sharing this one's client and state; this one is unchanged
     */
    public HttpTransport withSteps(List<? extends HttpStep> applicationSteps, List<? extends HttpStep> networkSteps) {
        List<HttpStep> application = new ArrayList<>(this.applicationSteps);
        application.addAll(applicationSteps);
        List<HttpStep> network = new ArrayList<>(this.networkSteps);
        network.addAll(networkSteps);
        return new HttpTransport(backend, application, network, shared);
    }

    /**
     * The user steps that see each call once, outermost first (see {@link #withSteps}).
     *
     * @return the application steps, possibly empty
     */
    public List<HttpStep> applicationSteps() {
        return applicationSteps;
    }

    /**
     * The user steps that see each network attempt, outermost first (see {@link #withSteps}).
     *
     * @return the network steps, possibly empty
     */
    public List<HttpStep> networkSteps() {
        return networkSteps;
    }

    /**
     * State that belongs to this transport like its connection pool, one instance per type,
     * created by {@code factory} on first use: clients keep rate-limit counters and default
     * response caches here, so every client and session on the transport shares them.
     *
     * @param type the type of the state, also its key
     * @param factory creates the state on first use; must not block
     * @param <T> the type of the state
     * @return the one instance of {@code type} for this transport
     */
    public <T> T shared(Class<T> type, Supplier<? extends T> factory) {
        // Looked up first: every session asks, and computeIfAbsent's lambda would be made each time.
        Object existing = shared.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        return type.cast(shared.computeIfAbsent(type, t -> Objects.requireNonNull(factory.get(), "factory result")));
    }

    /**
     * The underlying JDK client, shared by everything built on this transport.
     *
     * @return the JDK client
     * @throws IllegalStateException when this transport sends through another backend (see
     *     {@link #backend()}), which has no JDK client
     */
    public HttpClient client() {
        if (backend instanceof JdkBackend jdk) {
            return jdk.client();
        }
        throw new IllegalStateException("This transport sends through the " + backend.name() + " backend, not a JDK"
                + " HttpClient; use backend() to reach it");
    }

    /**
     * The backend that puts exchanges on the wire.
     *
     * @return the backend: the JDK client's unless {@link #of(TransportBackend)} chose another
     */
    public TransportBackend backend() {
        return backend;
    }

    /**
     * Sends a request through steps in order, then to the network.
     *
     * @param request the request; its timeout (or the default one) bounds each network attempt
     * @param steps the steps, outermost first
     * @param maxBodyBytes the largest response body accepted
     * @return the result the outermost step returns
     * @throws TransportException when no usable response arrived (see its subclasses)
     * @throws dev.integrations.core.ConfigurationException when the request's timeout is above
     *     {@link #MAX_TIMEOUT}
     */
    public HttpResult send(HttpRequest request, List<? extends HttpStep> steps, int maxBodyBytes) {
        return new RealChain(steps, 0, maxBodyBytes).proceed(request);
    }

    /**
     * Sends a request straight to the network, within one deadline for connecting, the headers
     * and the whole body.
     *
     * @param request the request; its timeout (or the default one) is the deadline
     * @param maxBodyBytes the largest response body accepted
     * @return the response, whatever its status
     * @throws TransportException when no response arrived: connection failed, deadline passed
     *     ({@link TransportTimeoutException}), body too large ({@link ResponseTooLargeException})
     *     or interrupted
     * @throws dev.integrations.core.ConfigurationException when the request's timeout is above
     *     {@link #MAX_TIMEOUT}
     */
    public HttpResult send(HttpRequest request, int maxBodyBytes) {
        return execute(request, maxBodyBytes);
    }

    private final class RealChain implements HttpStep.Chain {
        private final List<? extends HttpStep> steps;
        private final int index;
        private final int maxBodyBytes;

        RealChain(List<? extends HttpStep> steps, int index, int maxBodyBytes) {
            this.steps = steps;
            this.index = index;
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public HttpResult proceed(HttpRequest request) {
            if (index < steps.size()) {
                return steps.get(index).apply(request, new RealChain(steps, index + 1, maxBodyBytes));
            }
            return execute(request, maxBodyBytes);
        }
    }

    /**
     * Checks the request's deadline (its timeout, or {@link #DEFAULT_TIMEOUT}) and hands the
     * exchange to the backend, which bounds connecting, the headers and the whole body by it.
     */
    private HttpResult execute(HttpRequest request, int maxBodyBytes) {
        Duration timeout = request.timeout().orElse(DEFAULT_TIMEOUT);
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            // Refused before the client sees it: see MAX_TIMEOUT for what it would break.
            throw new ConfigurationException("The timeout of " + target(request) + " is " + timeout + ", above the maximum of "
                    + MAX_TIMEOUT + "; set a smaller timeout (for GitHub: timeout / GITHUB_TIMEOUT, e.g. 10s)");
        }
        return backend.exchange(request, timeout, maxBodyBytes);
    }

    /** The request's method, scheme, host, port and path (never userinfo or the query), for messages. */
    private static String target(HttpRequest request) {
        // Host and port only: a userinfo part (user:password@) must never reach a message.
        return TransportBackend.describe(request);
    }
}
