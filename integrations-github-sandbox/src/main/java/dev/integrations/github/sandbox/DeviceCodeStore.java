package dev.integrations.github.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Device codes of the device flow (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#device-flow):
 * which apps have the flow enabled (it is opt-in per app at GitHub), the codes issued, and what
 * each poll answers. A device code is 40 hex characters, a user code 8 letters with a hyphen
 * ({@code WDJB-MJHT}); codes live 900 s and the interval starts at 5 s.
 *
 * <p>Polling is measured with the sandbox clock: a poll sooner than the current interval after
 * the previous one (or after issue) answers {@code slow_down} and adds 5 s to the interval, as
 * GitHub documents. A code is redeemed once; a denied code is dead.
 */
final class DeviceCodeStore {

    static final Duration LIFETIME = Duration.ofSeconds(900);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** Letters only, without vowels and look-alikes, so a user code spells nothing and reads clearly. */
    private static final char[] USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Status { PENDING, APPROVED, DENIED }

    /** One issued code; replaced (never mutated) on every change. */
    record DeviceCode(String deviceCode, String userCode, String clientId, List<String> scopes, Instant expiresAt,
                      Duration interval, Instant lastPollAt, Status status, @Nullable SandboxUser user) {
        DeviceCode with(Status newStatus, @Nullable SandboxUser approver) {
            return new DeviceCode(deviceCode, userCode, clientId, scopes, expiresAt, interval, lastPollAt, newStatus, approver);
        }
    }

    /** What a poll answers. */
    sealed interface PollResult {
        record Pending() implements PollResult { }
        record SlowDown(Duration interval) implements PollResult { }
        record Expired() implements PollResult { }
        record Denied() implements PollResult { }
        record Incorrect() implements PollResult { }
        record Approved(SandboxUser user, List<String> scopes) implements PollResult { }
    }

    private final Set<String> enabledClientIds = ConcurrentHashMap.newKeySet();
    private final Map<String, DeviceCode> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, String> deviceCodeByUserCode = new ConcurrentHashMap<>();
    private final Clock clock;

    DeviceCodeStore(Clock clock) {
        this.clock = clock;
    }

    void setEnabled(String clientId, boolean enabled) {
        if (enabled) {
            enabledClientIds.add(clientId);
        } else {
            enabledClientIds.remove(clientId);
        }
    }

    boolean isEnabled(String clientId) {
        return enabledClientIds.contains(clientId);
    }

    DeviceCode issue(SandboxApp app, List<String> scopes) {
        Instant now = clock.instant();
        while (true) {
            String userCode = userCode();
            String deviceCode = HexFormat.of().formatHex(randomBytes(20));
            if (deviceCodeByUserCode.putIfAbsent(userCode, deviceCode) == null) {
                DeviceCode code = new DeviceCode(deviceCode, userCode, app.clientId(), List.copyOf(scopes), now.plus(LIFETIME),
                        INTERVAL, now, Status.PENDING, null);
                byDeviceCode.put(deviceCode, code);
                return code;
            }
        }
    }

    /** The pending, unexpired code a user typed (case-insensitive, hyphen optional). */
    Optional<DeviceCode> pendingByUserCode(@Nullable String typed) {
        String userCode = normaliseUserCode(typed);
        String deviceCode = userCode == null ? null : deviceCodeByUserCode.get(userCode);
        DeviceCode code = deviceCode == null ? null : byDeviceCode.get(deviceCode);
        if (code == null || code.status() != Status.PENDING || !clock.instant().isBefore(code.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** Records the user's decision on a pending code; false when there is none to decide on. */
    boolean decide(@Nullable String typedUserCode, SandboxUser user, boolean approve) {
        Optional<DeviceCode> pending = pendingByUserCode(typedUserCode);
        if (pending.isEmpty()) {
            return false;
        }
        boolean[] changed = {false};
        byDeviceCode.computeIfPresent(pending.get().deviceCode(), (k, code) -> {
            if (code.status() != Status.PENDING) {
                return code;
            }
            changed[0] = true;
            return code.with(approve ? Status.APPROVED : Status.DENIED, approve ? user : null);
        });
        return changed[0];
    }

    /** Makes a code expire now (test hook). */
    boolean expire(@Nullable String typedUserCode) {
        String userCode = normaliseUserCode(typedUserCode);
        String deviceCode = userCode == null ? null : deviceCodeByUserCode.get(userCode);
        if (deviceCode == null) {
            return false;
        }
        Instant now = clock.instant();
        return byDeviceCode.computeIfPresent(deviceCode, (k, c) -> new DeviceCode(c.deviceCode(), c.userCode(), c.clientId(),
                c.scopes(), now, c.interval(), c.lastPollAt(), c.status(), c.user())) != null;
    }

    /** Answers a poll by {@code clientId} for {@code deviceCode}. */
    PollResult poll(@Nullable String deviceCode, String clientId) {
        if (deviceCode == null) {
            return new PollResult.Incorrect();
        }
        Instant now = clock.instant();
        PollResult[] result = {new PollResult.Incorrect()};
        byDeviceCode.computeIfPresent(deviceCode, (k, code) -> {
            if (!code.clientId().equals(clientId)) {
                return code;
            }
            if (!now.isBefore(code.expiresAt())) {
                result[0] = new PollResult.Expired();
                return code;
            }
            if (now.isBefore(code.lastPollAt().plus(code.interval()))) {
                Duration slower = code.interval().plus(SLOW_DOWN_STEP);
                result[0] = new PollResult.SlowDown(slower);
                return new DeviceCode(code.deviceCode(), code.userCode(), code.clientId(), code.scopes(), code.expiresAt(),
                        slower, now, code.status(), code.user());
            }
            DeviceCode polled = new DeviceCode(code.deviceCode(), code.userCode(), code.clientId(), code.scopes(),
                    code.expiresAt(), code.interval(), now, code.status(), code.user());
            switch (code.status()) {
                case PENDING -> result[0] = new PollResult.Pending();
                case DENIED -> {
                    result[0] = new PollResult.Denied();
                    return null;
                }
                case APPROVED -> {
                    result[0] = new PollResult.Approved(java.util.Objects.requireNonNull(code.user()), code.scopes());
                    // Redeemed: the code cannot give a second token.
                    return null;
                }
            }
            return polled;
        });
        return result[0];
    }

    private static @Nullable String normaliseUserCode(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        String letters = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : null;
    }

    private static String userCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_LETTERS[RANDOM.nextInt(USER_CODE_LETTERS.length)]);
        }
        return code.toString();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
