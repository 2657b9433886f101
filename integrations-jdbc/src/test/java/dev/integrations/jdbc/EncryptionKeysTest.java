package dev.integrations.jdbc;

import dev.integrations.core.ConfigurationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("EncryptionKeys: key rings from code, environment and files; AEAD bound to its associated data")
class EncryptionKeysTest {
    private static final byte[] AAD = "integrations.credentials.v1\0github\0user-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "{\"access_token\":\"gho_secret\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("a payload sealed by version 0.1.0 (Tink's subtle AES-GCM) still opens: the ciphertext format did not change")
    void payloadWrittenByEarlierVersionStillOpens() throws GeneralSecurityException {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        // Sealed with key bytes 0..31 under id "legacy-1" by the 0.1.0 code, before the move to Tink's keyset API.
        byte[] payload = java.util.Base64.getDecoder().decode(
                "ARvS64qXG5gLqlui091+vJBdSdhiU3tkfP2j6nrOGhYVKTpvH/I4qU7oK3Ef2Gq6KBQviRGVt55GiwI=");
        byte[] aad = "github\0user-1".getBytes(StandardCharsets.UTF_8);

        byte[] opened = EncryptionKeys.of("legacy-1", key).open("legacy-1", payload, aad);

        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("{\"access_token\":\"gho_fixture\"}");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"user-1", "{\"tenant\":\"acme\",\"user\":42}", "jürgen", "用户-😀", ""})
    @DisplayName("issue 12: the row codec binds exactly tag NUL provider NUL subject in UTF-8, ASCII or not, both ways")
    void rowCodecAssociatedDataIsTheConcatenation(String subject) throws GeneralSecurityException {
        EncryptionKeys keys = EncryptionKeys.generate("k1");
        dev.integrations.jdbc.internal.RowCodec codec = new dev.integrations.jdbc.internal.RowCodec(keys.cipher(),
                "integrations.credentials.v1");
        byte[] concatenated = ("integrations.credentials.v1" + '\0' + "github" + '\0' + subject).getBytes(StandardCharsets.UTF_8);

        byte[] sealedByConcatenation = keys.seal(SECRET, concatenated).payload();
        byte[] sealedByCodec = codec.seal("github", subject, SECRET).payload();

        assertThat(codec.open("github", subject, "k1", sealedByConcatenation)).isEqualTo(SECRET);
        assertThat(keys.open("k1", sealedByCodec, concatenated)).isEqualTo(SECRET);
        assertThatThrownBy(() -> codec.open("github", subject + "x", "k1", sealedByConcatenation))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    @DisplayName("seal and open round-trip; the payload is not the plain text and differs every time (random nonce)")
    void roundTrip() throws GeneralSecurityException {
        EncryptionKeys keys = EncryptionKeys.generate("k1");
        var a = keys.seal(SECRET, AAD);
        var b = keys.seal(SECRET, AAD);
        assertThat(a.keyId()).isEqualTo("k1");
        assertThat(new String(a.payload(), StandardCharsets.ISO_8859_1)).doesNotContain("gho_secret");
        assertThat(a.payload()).isNotEqualTo(b.payload());
        assertThat(a.payload()).hasSize(1 + 12 + SECRET.length + 16);
        assertThat(keys.open("k1", a.payload(), AAD)).isEqualTo(SECRET);
    }

    @Test
    @DisplayName("other associated data, another key, a flipped bit or a truncated payload fail with a safe message")
    void tampering() {
        EncryptionKeys keys = EncryptionKeys.generate("k1");
        byte[] payload = keys.seal(SECRET, AAD).payload();
        byte[] otherAad = "integrations.credentials.v1\0github\0user-2".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> keys.open("k1", payload, otherAad)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("copied from another provider or subject");
        assertThatThrownBy(() -> EncryptionKeys.generate("k1").open("k1", payload, AAD)).isInstanceOf(GeneralSecurityException.class);
        byte[] flipped = payload.clone();
        flipped[20] ^= 1;
        assertThatThrownBy(() -> keys.open("k1", flipped, AAD)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> keys.open("k1", java.util.Arrays.copyOf(payload, 20), AAD))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> keys.open("k9", payload, AAD)).hasMessageContaining("'k9', which is not in the key ring [k1]");
        assertThatThrownBy(() -> keys.open(null, SECRET, AAD)).hasMessageContaining("plain text");
    }

    @Test
    @DisplayName("rotation: the new key is primary, old keys still open their payloads")
    void rotation() throws GeneralSecurityException {
        EncryptionKeys k1 = EncryptionKeys.generate("k1");
        byte[] old = k1.seal(SECRET, AAD).payload();
        EncryptionKeys rotated = k1.rotate();

        assertThat(rotated.primaryKeyId()).isNotEqualTo("k1").matches("k\\d{8}-[0-9a-f]{4}");
        assertThat(rotated.keyIds()).containsExactly(rotated.primaryKeyId(), "k1");
        assertThat(rotated.seal(SECRET, AAD).keyId()).isEqualTo(rotated.primaryKeyId());
        assertThat(rotated.open("k1", old, AAD)).isEqualTo(SECRET);
        assertThatThrownBy(() -> k1.withNewPrimary("k1", new byte[32])).isInstanceOf(ConfigurationException.class);
    }

    @Test
    @DisplayName("toEnvironmentValue and parse round-trip, first entry primary; toString shows ids only")
    void environmentFormat() throws GeneralSecurityException {
        EncryptionKeys old = EncryptionKeys.generate("old");
        EncryptionKeys ring = old.withNewPrimary("new", new byte[32]);
        String value = ring.toEnvironmentValue();
        assertThat(value).startsWith("new:").contains(",old:");

        EncryptionKeys parsed = EncryptionKeys.parse(value);
        assertThat(parsed.keyIds()).containsExactly("new", "old");
        assertThat(parsed.open("old", old.seal(SECRET, AAD).payload(), AAD)).isEqualTo(SECRET);
        assertThat(parsed.open("new", ring.seal(SECRET, AAD).payload(), AAD)).isEqualTo(SECRET);
        assertThat(ring.toString()).isEqualTo("EncryptionKeys[primary=new, keys=[new, old]]").doesNotContain(value.substring(4, 20));
        assertThat(EncryptionKeys.none().toString()).contains("plain text");
    }

    @Test
    @DisplayName("fromEnvironment: the variable first, then the key file; neither is a clear ConfigurationException")
    void fromEnvironment(@TempDir Path dir) throws Exception {
        EncryptionKeys ring = EncryptionKeys.generate("env-key");
        assertThat(EncryptionKeys.fromEnvironment(Map.of(EncryptionKeys.ENVIRONMENT_VARIABLE, ring.toEnvironmentValue()))
                .keyIds()).containsExactly("env-key");

        Path file = dir.resolve("keys");
        Files.writeString(file, "# rotated 2026-01-01\nfile-new:" + Base64.getEncoder().encodeToString(new byte[32])
                + "\n\n" + ring.toEnvironmentValue() + "\n");
        assertThat(EncryptionKeys.fromEnvironment(Map.of(EncryptionKeys.KEY_FILE_VARIABLE, file.toString())).keyIds())
                .containsExactly("file-new", "env-key");
        assertThat(EncryptionKeys.fromEnvironment(Map.of(EncryptionKeys.ENVIRONMENT_VARIABLE, ring.toEnvironmentValue(),
                EncryptionKeys.KEY_FILE_VARIABLE, file.toString())).keyIds()).containsExactly("env-key");

        assertThatThrownBy(() -> EncryptionKeys.fromEnvironment(Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(EncryptionKeys.ENVIRONMENT_VARIABLE)
                .hasMessageContaining("dev.integrations.jdbc.EncryptionKeys")
                .hasMessageContaining("EncryptionKeys.generate().toEnvironmentValue()");
        assertThatThrownBy(() -> EncryptionKeys.fromEnvironment(Map.of(EncryptionKeys.KEY_FILE_VARIABLE, dir.resolve("nope").toString())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(EncryptionKeys.KEY_FILE_VARIABLE);
    }

    @Test
    @DisplayName("malformed rings are refused without echoing key material")
    void malformed() {
        String secretish = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EncryptionKeys.parse("")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> EncryptionKeys.parse(secretish)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("id:base64key").hasMessageNotContaining(secretish);
        assertThatThrownBy(() -> EncryptionKeys.parse("k1:" + secretish.substring(0, 20))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("32 random bytes").hasMessageNotContaining(secretish.substring(0, 20));
        assertThatThrownBy(() -> EncryptionKeys.parse("k1:not base64!")).hasMessageContaining("not valid standard Base64")
                .hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> EncryptionKeys.parse("k1:" + secretish + ",k1:" + secretish)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> EncryptionKeys.parse(secretish + ":" + secretish)).hasMessageContaining("<malformed>")
                .hasMessageNotContaining(secretish);
        assertThatThrownBy(() -> EncryptionKeys.of("bad id", new byte[32])).isInstanceOf(ConfigurationException.class);
    }

    @Test
    @DisplayName("none() stores bytes as they are, with no key id")
    void none() throws GeneralSecurityException {
        var sealed = EncryptionKeys.none().seal(SECRET, AAD);
        assertThat(sealed.keyId()).isNull();
        assertThat(sealed.payload()).isEqualTo(SECRET);
        assertThat(EncryptionKeys.none().open(null, SECRET, AAD)).isEqualTo(SECRET);
        assertThat(EncryptionKeys.none().isPlaintext()).isTrue();
    }

    @Test
    @DisplayName("main prints a new ring, or the given ring rotated")
    void main() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            EncryptionKeys.main(new String[0]);
            String first = captured.toString(StandardCharsets.UTF_8).strip();
            assertThat(EncryptionKeys.parse(first).keyIds()).hasSize(1);
            captured.reset();
            EncryptionKeys.main(new String[] {first});
            EncryptionKeys rotated = EncryptionKeys.parse(captured.toString(StandardCharsets.UTF_8).strip());
            assertThat(rotated.keyIds()).hasSize(2).endsWith(EncryptionKeys.parse(first).primaryKeyId());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    @DisplayName("--help prints the usage; a stray option or a malformed ring exits 2 with a message, never a stack trace")
    void helpAndBadArguments() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(EncryptionKeys.run(new String[] {"--help"}, o, e)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: EncryptionKeys [CURRENT_VALUE]")
                .contains(EncryptionKeys.ENVIRONMENT_VARIABLE);

        assertThat(EncryptionKeys.run(new String[] {"--rotate"}, o, e)).isEqualTo(2);
        assertThat(EncryptionKeys.run(new String[] {"k1:not-base64!"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("see EncryptionKeys --help").contains("k1")
                .doesNotContain("Exception");
    }
}
