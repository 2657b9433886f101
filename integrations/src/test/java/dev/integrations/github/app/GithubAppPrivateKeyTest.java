package dev.integrations.github.app;

import dev.integrations.core.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("issue 10: GitHub App private keys and settings")
class GithubAppPrivateKeyTest {

    @Test
    void pkcs1AndPkcs8OfTheSameKeyReadAsTheSameKey() {
        GithubAppPrivateKey pkcs1 = GithubAppPrivateKey.fromPem(TestKeys.pem("app-pkcs1.pem"));
        GithubAppPrivateKey pkcs8 = GithubAppPrivateKey.fromPem(TestKeys.pem("app-pkcs8.pem"));

        // The fingerprint openssl computes (see the resources' README), as GitHub's settings page shows it.
        assertThat(pkcs1.publicKeyFingerprint()).isEqualTo(TestKeys.APP_FINGERPRINT);
        assertThat(pkcs8.publicKeyFingerprint()).isEqualTo(TestKeys.APP_FINGERPRINT);
    }

    @Test
    void aSignatureVerifiesWithThePublicKey() throws Exception {
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = GithubAppPrivateKey.fromFile(TestKeys.path("app-pkcs1.pem")).signSha256WithRsa(data);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestKeys.publicKey("app-pkcs8.pem"));
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void escapedLineBreaksAndCarriageReturnsAreAccepted() {
        String escaped = TestKeys.pem("app-pkcs1.pem").replace("\n", "\\n");
        String crlf = TestKeys.pem("app-pkcs8.pem").replace("\n", "\r\n");

        assertThat(GithubAppPrivateKey.fromPem(escaped).publicKeyFingerprint()).isEqualTo(TestKeys.APP_FINGERPRINT);
        assertThat(GithubAppPrivateKey.fromPem(crlf).publicKeyFingerprint()).isEqualTo(TestKeys.APP_FINGERPRINT);
    }

    @Test
    void badKeysAreConfigurationErrorsThatNeverQuoteTheKey() {
        String pem = TestKeys.pem("app-pkcs1.pem");
        String secretLine = TestKeys.bodyLines("app-pkcs1.pem").get(3);
        String corrupted = pem.replace(secretLine, secretLine.substring(0, 10) + "!!!" + secretLine.substring(13));
        String truncated = pem.substring(0, pem.length() / 2);
        String swapped = pem.replace(secretLine, new StringBuilder(secretLine).reverse());

        for (String bad : new String[] {corrupted, truncated, swapped}) {
            assertThatThrownBy(() -> GithubAppPrivateKey.fromPem(bad)).isInstanceOf(ConfigurationException.class)
                    .message().doesNotContain(secretLine.substring(0, 16)).doesNotContain(secretLine.substring(20, 40));
        }
        assertThatThrownBy(() -> GithubAppPrivateKey.fromPem("-----BEGIN RSA PRIVATE KEY-----"))
                .hasMessageContaining("first line");
        assertThatThrownBy(() -> GithubAppPrivateKey.fromPem("ghp_not_a_key")).hasMessageContaining("BEGIN RSA PRIVATE KEY");
        assertThatThrownBy(() -> GithubAppPrivateKey.fromPem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                + "-----END ENCRYPTED PRIVATE KEY-----")).hasMessageContaining("encrypted");
    }

    @Test
    void toStringShowsTheFingerprintButNoKeyMaterial() {
        GithubAppPrivateKey key = GithubAppPrivateKey.fromFile(TestKeys.path("app-pkcs1.pem"));
        GithubAppSettings settings = GithubAppSettings.builder().appId(7).privateKey(key).build();

        for (String text : new String[] {key.toString(), settings.toString()}) {
            assertThat(text).contains(TestKeys.APP_FINGERPRINT).contains("2048");
            for (String line : TestKeys.bodyLines("app-pkcs1.pem")) {
                assertThat(text).doesNotContain(line.substring(0, 24));
            }
        }
    }

    @Test
    void settingsComeFromCodeThenEnvironmentThenDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.pem");
        Files.writeString(file, TestKeys.pem("app-pkcs8.pem"));
        Map<String, String> env = Map.of("GITHUB_APP_ID", "12", "GITHUB_APP_CLIENT_ID", "Iv23env",
                "GITHUB_APP_PRIVATE_KEY_PATH", file.toString(), "GITHUB_APP_TOKEN_REFRESH_MARGIN", "10m");

        GithubAppSettings fromEnv = GithubAppSettings.fromEnvironment(env);
        GithubAppSettings code = GithubAppSettings.builder().appId(34).privateKeyPem(TestKeys.pem("app-pkcs1.pem")).build()
                .withEnvironment(env);
        GithubAppSettings defaults = GithubAppSettings.fromEnvironment(Map.of());

        assertThat(fromEnv.appId()).isEqualTo(12);
        assertThat(fromEnv.issuer()).isEqualTo("Iv23env");
        assertThat(fromEnv.privateKeyPath()).isEqualTo(file);
        assertThat(fromEnv.tokenRefreshMargin()).hasMinutes(10);
        assertThat(code.appId()).isEqualTo(34);
        assertThat(code.privateKeyPath()).isNull();
        assertThat(code.privateKey().publicKeyFingerprint()).isEqualTo(TestKeys.APP_FINGERPRINT);
        assertThat(defaults.isConfigured()).isFalse();
        assertThat(defaults.tokenRefreshMargin()).isEqualTo(GithubAppSettings.DEFAULT_TOKEN_REFRESH_MARGIN);
        assertThat(GithubAppSettings.fromMap(Map.of("app_id", "56", "private_key_path", file.toString())).appId()).isEqualTo(56);
    }

    @Test
    void anAppIdThatIsNotANumberPointsToTheClientIdVariable() {
        assertThatThrownBy(() -> GithubAppSettings.fromEnvironment(Map.of("GITHUB_APP_ID", "Iv23abc")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("GITHUB_APP_CLIENT_ID");
        assertThatThrownBy(() -> GithubAppSettings.fromMap(Map.of("appid", "1"))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void tokenRequestsAreNormalisedSoEqualRequestsShareATokenAndBadOnesAreRefused() {
        InstallationTokenRequest a = InstallationTokenRequest.of(r -> r.installationId(1).repositories("b", "a")
                .permission("issues", "write").permission("contents", "read"));
        InstallationTokenRequest b = InstallationTokenRequest.of(r -> r.installationId(1).repositories("a", "b", "a")
                .permissions(Map.of("contents", "read", "issues", "write")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.repositories()).containsExactly("a", "b");
        assertThat(a.narrowed()).isTrue();
        assertThat(InstallationTokenRequest.of(1).narrowed()).isFalse();
        assertThatThrownBy(() -> InstallationTokenRequest.of(r -> r.installationId(1).permission("issues", "rw")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read, write or admin");
        assertThatThrownBy(() -> InstallationTokenRequest.of(r -> r.installationId(1).repositories("octocat/a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without owner");
        assertThatThrownBy(() -> InstallationTokenRequest.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
