package dev.integrations.github.auth;

import dev.integrations.auth.oauth2.DeviceAuthorization;
import dev.integrations.auth.oauth2.DeviceFlowException;
import dev.integrations.auth.oauth2.DeviceFlowOptions;
import dev.integrations.internal.oauth2.DeviceFlowClient;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * GitHub's device flow (RFC 8628) for applications without a browser callback: command-line
 * tools, TVs, headless servers. Obtained from {@code auth.github().deviceFlow()}.
 *
 * <pre>{@code
 * GithubUserCredentials credentials = auth.github().deviceFlow().authorize(
 *     o -> o.scopes("repo").timeout(Duration.ofMinutes(10)),
 *     code -> System.out.println("Open " + code.verificationUri() + " and enter " + code.userCode()));
 * auth.storeCredentials("github", "user-123", credentials);
 * }</pre>
 *
 * <p>Works for OAuth apps and GitHub Apps alike, and needs only the client id (no secret). The
 * device flow is opt-in at GitHub: until it is enabled in the app's settings every attempt ends
 * with {@link DeviceFlowException.Reason#DEVICE_FLOW_DISABLED}. Codes are requested at
 * {@link #deviceCodeUrl()}: {@code /login/device/code} on the authorization URL's host, or
 * {@code GITHUB_DEVICE_CODE_URL}, or {@link #withDeviceCodeUrl(URI)}.
 *
 * <p>Blocking and thread-safe: {@link #poll} waits on the calling thread (cheap on virtual
 * threads) and holds no lock. It ends with the credentials, or a {@link DeviceFlowException}
 * whose {@link DeviceFlowException#reason() reason} says why: the user declined, the code
 * expired, the options' deadline passed, the flow was cancelled (cancel handle or interrupt).
 */
public final class GithubDeviceFlow {
    private final DeviceFlowClient<GithubUserCredentials> client;

    GithubDeviceFlow(DeviceFlowClient<GithubUserCredentials> client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Where device and user codes are requested.
     *
     * @return the device code URL, e.g. {@code https://github.com/login/device/code}
     */
    public URI deviceCodeUrl() {
        return client.deviceCodeUri();
    }

    /**
     * This flow with codes requested at another URL (a proxy, a GitHub Enterprise host with an
     * unusual layout).
     *
     * @param deviceCodeUrl the device code URL
     * @return a new flow; this one is unchanged
     */
    public GithubDeviceFlow withDeviceCodeUrl(URI deviceCodeUrl) {
        return new GithubDeviceFlow(client.withDeviceCodeUri(Objects.requireNonNull(deviceCodeUrl, "deviceCodeUrl")));
    }

    /**
     * Requests codes with the app's default scopes.
     *
     * @return the codes to show the user, and to {@link #poll} with
     * @throws DeviceFlowException when GitHub refuses (e.g. device flow disabled, unknown client id)
     * @throws dev.integrations.core.ConfigurationException when no client id is configured
     */
    public DeviceAuthorization start() {
        return start(DeviceFlowOptions.defaults());
    }

    /**
     * Requests codes: {@code start(o -> o.scopes("repo"))}.
     *
     * @param options receives the options (only the scopes matter here)
     * @return the codes to show the user, and to {@link #poll} with
     * @throws DeviceFlowException when GitHub refuses (e.g. device flow disabled, unknown client id)
     * @throws dev.integrations.core.ConfigurationException when no client id is configured
     */
    public DeviceAuthorization start(Consumer<DeviceFlowOptions.Builder> options) {
        return start(DeviceFlowOptions.of(options));
    }

    /**
     * Requests codes.
     *
     * @param options the options (only the scopes matter here)
     * @return the codes to show the user, and to {@link #poll} with
     * @throws DeviceFlowException when GitHub refuses (e.g. device flow disabled, unknown client id)
     * @throws dev.integrations.core.ConfigurationException when no client id is configured
     */
    public DeviceAuthorization start(DeviceFlowOptions options) {
        return client.start(Objects.requireNonNull(options, "options"));
    }

    /**
     * Waits until the user approves, with default options.
     *
     * @param authorization the codes from {@link #start()}
     * @return the user's credentials, ready for {@code auth.storeCredentials("github", subject, ...)}
     * @throws DeviceFlowException when the flow ends without a token
     */
    public GithubUserCredentials poll(DeviceAuthorization authorization) {
        return poll(authorization, DeviceFlowOptions.defaults());
    }

    /**
     * Waits until the user approves: polls GitHub every {@link DeviceAuthorization#interval()}
     * (5 s longer after each {@code slow_down}) until a token, a terminal error, the code's
     * expiry, the options' timeout or a cancellation.
     *
     * @param authorization the codes from {@link #start()}
     * @param options the deadline, cancel handle, clock and sleeper (scopes are ignored here)
     * @return the user's credentials, ready for {@code auth.storeCredentials("github", subject, ...)}
     * @throws DeviceFlowException when the flow ends without a token
     * @throws dev.integrations.http.TransportException when GitHub cannot be reached several
     *     polls in a row
     */
    public GithubUserCredentials poll(DeviceAuthorization authorization, DeviceFlowOptions options) {
        return client.poll(Objects.requireNonNull(authorization, "authorization"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Runs the whole flow with default options: requests codes, hands them to {@code showCode},
     * then waits until the user approves.
     *
     * @param showCode shows the user {@link DeviceAuthorization#userCode()} and
     *     {@link DeviceAuthorization#verificationUri()}; called once, on this thread, before waiting
     * @return the user's credentials
     * @throws DeviceFlowException when the flow ends without a token
     */
    public GithubUserCredentials authorize(Consumer<DeviceAuthorization> showCode) {
        return authorize(DeviceFlowOptions.defaults(), showCode);
    }

    /**
     * Runs the whole flow: {@code authorize(o -> o.scopes("repo"), code -> ...)}.
     *
     * @param options receives the options
     * @param showCode shows the user the code; called once, on this thread, before waiting
     * @return the user's credentials
     * @throws DeviceFlowException when the flow ends without a token
     */
    public GithubUserCredentials authorize(Consumer<DeviceFlowOptions.Builder> options,
                                           Consumer<DeviceAuthorization> showCode) {
        return authorize(DeviceFlowOptions.of(options), showCode);
    }

    /**
     * Runs the whole flow: requests codes, hands them to {@code showCode}, then waits until the
     * user approves.
     *
     * @param options the scopes, deadline, cancel handle, clock and sleeper
     * @param showCode shows the user the code; called once, on this thread, before waiting
     * @return the user's credentials
     * @throws DeviceFlowException when the flow ends without a token
     */
    public GithubUserCredentials authorize(DeviceFlowOptions options, Consumer<DeviceAuthorization> showCode) {
        Objects.requireNonNull(showCode, "showCode");
        DeviceAuthorization authorization = start(options);
        showCode.accept(authorization);
        return poll(authorization, options);
    }

    @Override
    public String toString() {
        return "GithubDeviceFlow[deviceCodeUrl=" + deviceCodeUrl() + "]";
    }

    /**
     * {@code /login/device/code} next to the authorization URL: on github.com and GitHub
     * Enterprise both live under {@code /login/} of the web host.
     */
    static URI deriveDeviceCodeUrl(URI authorizationUrl) {
        String path = authorizationUrl.getRawPath() == null ? "" : authorizationUrl.getRawPath();
        String suffix = "/login/oauth/authorize";
        String prefix = path.endsWith(suffix) ? path.substring(0, path.length() - suffix.length()) : "";
        return URI.create(authorizationUrl.getScheme() + "://" + authorizationUrl.getRawAuthority() + prefix
                + "/login/device/code");
    }
}
