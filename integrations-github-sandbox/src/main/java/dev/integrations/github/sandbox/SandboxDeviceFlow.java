package dev.integrations.github.sandbox;

import java.util.Objects;

/**
 * The device flow's switches and the user's side of it, for tests: obtained from
 * {@link GithubSandbox#deviceFlow()}. The device flow is opt-in per app, as at GitHub: until
 * {@link #enable(SandboxApp)} an app's requests answer {@code device_flow_disabled}. A user
 * approves or denies a code by typing it at {@code /login/device} (the sandbox's default user is
 * signed in there), or through {@link #approve(String, SandboxUser)} and {@link #deny(String)}.
 */
public final class SandboxDeviceFlow {
    private final DeviceCodeStore codes;
    private final Directory directory;
    private final SandboxUser defaultUser;

    SandboxDeviceFlow(DeviceCodeStore codes, Directory directory, SandboxUser defaultUser) {
        this.codes = codes;
        this.directory = directory;
        this.defaultUser = defaultUser;
    }

    /**
     * Enables the device flow for an app (the "Enable Device Flow" box of its settings).
     *
     * @param app a registered app
     * @return this
     */
    public SandboxDeviceFlow enable(SandboxApp app) {
        codes.setEnabled(registered(app), true);
        return this;
    }

    /**
     * Disables the device flow for an app; codes already issued then poll as {@code device_flow_disabled}.
     *
     * @param app a registered app
     * @return this
     */
    public SandboxDeviceFlow disable(SandboxApp app) {
        codes.setEnabled(registered(app), false);
        return this;
    }

    /**
     * Whether the device flow is enabled for an app.
     *
     * @param app the app
     * @return true when enabled
     */
    public boolean isEnabled(SandboxApp app) {
        return codes.isEnabled(app.clientId());
    }

    /**
     * The default user approves a code, as if typed at {@code /login/device}.
     *
     * @param userCode the user code shown by the device, e.g. {@code WDJB-MJHT}
     * @return true when a pending, unexpired code was approved
     */
    public boolean approve(String userCode) {
        return approve(userCode, defaultUser);
    }

    /**
     * A user approves a code: the next poll for it gets a token for that user.
     *
     * @param userCode the user code shown by the device
     * @param user a registered user
     * @return true when a pending, unexpired code was approved
     * @throws IllegalArgumentException when the user is not registered with this sandbox
     */
    public boolean approve(String userCode, SandboxUser user) {
        if (!directory.isRegistered(user)) {
            throw new IllegalArgumentException("User is not registered with this sandbox: " + user);
        }
        return codes.decide(userCode, user, true);
    }

    /**
     * The user presses cancel: the next poll answers {@code access_denied}.
     *
     * @param userCode the user code shown by the device
     * @return true when a pending, unexpired code was denied
     */
    public boolean deny(String userCode) {
        return codes.decide(userCode, defaultUser, false);
    }

    /**
     * Makes a code expire now (GitHub's codes live 15 minutes): the next poll answers {@code expired_token}.
     *
     * @param userCode the user code shown by the device
     * @return true when the code exists
     */
    public boolean expire(String userCode) {
        return codes.expire(userCode);
    }

    private String registered(SandboxApp app) {
        Objects.requireNonNull(app, "app");
        if (directory.app(app.clientId()).isEmpty()) {
            throw new IllegalArgumentException("App is not registered with this sandbox: " + app.clientId());
        }
        return app.clientId();
    }

    @Override
    public String toString() {
        return "SandboxDeviceFlow";
    }
}
