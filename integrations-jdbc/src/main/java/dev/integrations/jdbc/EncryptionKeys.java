package dev.integrations.jdbc;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.integrations.core.ConfigurationException;
import dev.integrations.jdbc.internal.Cipher;
import dev.integrations.jdbc.internal.Sealed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

// Over 400 lines on purpose: one public value type whose three sources (code, environment, key
// file), key-id and key-format validation and command-line entry point are the security-critical
// parsing of secrets, kept together so they are reviewed together; most of the length is Javadoc.
/**
 * The key ring that encrypts rows of the JDBC stores at rest: AES-256-GCM (through Google Tink),
 * with the provider and subject of each row bound as associated data.
 *
 * <p>The first key is the <em>primary</em>: every new write uses it and stores its id beside the
 * ciphertext. The other keys only decrypt, so rotation is: put a new key first, keep the old ones
 * after it, deploy, then run {@link JdbcCredentialStore#reencrypt()} and drop the old key once it
 * returns. A key id is 1 to 64 characters of {@code [A-Za-z0-9._-]}, starting with a letter or digit.
 *
 * <h2>Where keys come from</h2>
 * <ul>
 *   <li>Code: {@link #of(String, byte[])}, {@link #generate()}, {@link #parse(String)},
 *       {@link #withNewPrimary(String, byte[])}, {@link #rotate()}.</li>
 *   <li>The environment variable {@value #ENVIRONMENT_VARIABLE}: comma-separated {@code id:key}
 *       entries, {@code key} being 32 bytes in standard Base64, the first entry primary, e.g.
 *       {@code INTEGRATIONS_ENCRYPTION_KEYS=k2:3q2+7w...=,k1:q83v...=}.</li>
 *   <li>A key file named by {@value #KEY_FILE_VARIABLE}: the same entries, separated by commas or
 *       line breaks; lines starting with {@code #} are comments. Keep it readable only by the
 *       service's user.</li>
 * </ul>
 * Print a new value with {@code java -cp integrations-jdbc.jar:<its dependencies> dev.integrations.jdbc.EncryptionKeys}
 * (pass the current value as the argument to get it rotated), or call
 * {@code EncryptionKeys.generate().toEnvironmentValue()}.
 *
 * <p>{@link #none()} is the explicit opt-out: rows are stored as plain JSON and the stores log a
 * warning when built. Use it only for throw-away data.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} shows key ids only.
 */
public final class EncryptionKeys {
    /** The environment variable holding the key ring, e.g. {@code k2:<base64>,k1:<base64>}. */
    public static final String ENVIRONMENT_VARIABLE = "INTEGRATIONS_ENCRYPTION_KEYS";
    /** The environment variable naming a file that holds the key ring, used when the ring itself is not set. */
    public static final String KEY_FILE_VARIABLE = "INTEGRATIONS_ENCRYPTION_KEY_FILE";
    /** Key length in bytes: AES-256. */
    public static final int KEY_BYTES = 32;

    /** First byte of every encrypted payload, so another algorithm can be introduced later. */
    private static final byte FORMAT_AES256_GCM = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EncryptionKeys NONE = new EncryptionKeys(List.of());

    private final List<Key> keys;

    private record Key(String id, byte[] material, Aead aead) {
    }

    private EncryptionKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * A ring of one key.
     *
     * @param keyId the key's id, stored beside every row it encrypts
     * @param key the 32-byte AES-256 key
     * @return the ring
     */
    public static EncryptionKeys of(String keyId, byte[] key) {
        return new EncryptionKeys(List.of(key(keyId, key, "the key passed to EncryptionKeys.of")));
    }

    /**
     * A ring with one new random key, with an id made of today's date and a random suffix.
     *
     * @return the ring
     */
    public static EncryptionKeys generate() {
        return generate(newKeyId());
    }

    /**
     * A ring with one new random key under {@code keyId}.
     *
     * @param keyId the new key's id
     * @return the ring
     */
    public static EncryptionKeys generate(String keyId) {
        return of(keyId, randomKey());
    }

    /**
     * No encryption: rows hold plain JSON. Stores built with it log a warning, and refuse to read
     * encrypted rows. Opt out only for throw-away data.
     *
     * @return the plain-text opt-out
     */
    public static EncryptionKeys none() {
        return NONE;
    }

    /**
     * Parses {@code id:base64key} entries separated by commas or line breaks, the first primary.
     * Blank lines and lines starting with {@code #} are ignored.
     *
     * @param value the entries
     * @return the ring, primary first
     * @throws ConfigurationException when the value is empty or an entry is malformed; the
     *     message never repeats key material
     */
    public static EncryptionKeys parse(String value) {
        return parse(value, "the key ring");
    }

    /**
     * The key ring from {@value #ENVIRONMENT_VARIABLE}, else from the file named by
     * {@value #KEY_FILE_VARIABLE}.
     *
     * @return the ring, primary first
     * @throws ConfigurationException when neither is set (the message tells how to create a key),
     *     or the value is malformed
     */
    public static EncryptionKeys fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Like {@link #fromEnvironment()}, reading the given variables instead of the process's.
     *
     * @param environment the variables to read
     * @return the ring, primary first
     * @throws ConfigurationException when neither variable is set, or the value is malformed
     */
    public static EncryptionKeys fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        if (value != null && !value.isBlank()) {
            return parse(value, "environment variable " + ENVIRONMENT_VARIABLE);
        }
        String file = environment.get(KEY_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file.trim()));
        }
        throw new ConfigurationException(missingKeyMessage());
    }

    /**
     * Reads a key ring from a file in the {@link #parse(String)} format.
     *
     * @param file the key file
     * @return the ring, primary first
     * @throws ConfigurationException when the file cannot be read or is malformed
     */
    public static EncryptionKeys fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the encryption key file " + file + " (" + e.getClass().getSimpleName()
                    + "): check " + KEY_FILE_VARIABLE + " and the file's permissions", e);
        }
        return parse(text, "key file " + file);
    }

    /**
     * A ring whose primary is a new key and whose other keys are this ring's, for rotation.
     *
     * @param keyId the new primary key's id
     * @param key the new 32-byte AES-256 key
     * @return the new ring; this one is unchanged
     * @throws ConfigurationException when the id is already in the ring or the key is not 32 bytes
     */
    public EncryptionKeys withNewPrimary(String keyId, byte[] key) {
        if (keyIds().contains(keyId)) {
            throw new ConfigurationException("Key id '" + keyId + "' is already in the ring " + keyIds()
                    + "; every key needs its own id");
        }
        List<Key> ring = new ArrayList<>();
        ring.add(key(keyId, key, "the new primary key"));
        ring.addAll(keys);
        return new EncryptionKeys(ring);
    }

    /**
     * {@link #withNewPrimary} with a new random key and a generated id.
     *
     * @return the new ring; this one is unchanged
     */
    public EncryptionKeys rotate() {
        String id = newKeyId();
        while (keyIds().contains(id)) {
            id = newKeyId();
        }
        return withNewPrimary(id, randomKey());
    }

    /**
     * Whether this is the plain-text opt-out ({@link #none()}).
     *
     * @return true for {@link #none()}
     */
    public boolean isPlaintext() {
        return keys.isEmpty();
    }

    /**
     * The id new writes are stored under.
     *
     * @return the primary key's id
     * @throws IllegalStateException for {@link #none()}, which has no key
     */
    public String primaryKeyId() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("EncryptionKeys.none() has no primary key");
        }
        return keys.get(0).id();
    }

    /**
     * All key ids, primary first.
     *
     * @return the ids, in ring order
     */
    public Set<String> keyIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Key k : keys) {
            ids.add(k.id());
        }
        return Collections.unmodifiableSet(ids);
    }

    /**
     * The ring in the {@value #ENVIRONMENT_VARIABLE} format. This is secret: put it in a secret
     * store or a protected file, never in a log or a repository.
     *
     * @return {@code id:base64key} entries separated by commas
     * @throws IllegalStateException for {@link #none()}, which has no key
     */
    public String toEnvironmentValue() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("EncryptionKeys.none() has no keys to print");
        }
        StringBuilder out = new StringBuilder();
        for (Key k : keys) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(k.id()).append(':').append(Base64.getEncoder().encodeToString(k.material()));
        }
        return out.toString();
    }

    /** Key ids only; never key material. */
    @Override
    public String toString() {
        return keys.isEmpty() ? "EncryptionKeys[none: plain text]"
                : "EncryptionKeys[primary=" + primaryKeyId() + ", keys=" + keyIds() + "]";
    }

    /**
     * Prints a new key ring value for {@value #ENVIRONMENT_VARIABLE}. With the current value as the
     * only argument, prints it rotated: a new primary key followed by the current keys.
     *
     * @param args none, {@code --help}, or the current ring value to rotate
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The command behind {@link #main}: returns the exit status instead of exiting, so it can be tested. */
    static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println("Usage: EncryptionKeys [CURRENT_VALUE]");
            out.println("  Prints a new value for " + ENVIRONMENT_VARIABLE + " (comma-separated id:base64-key entries,");
            out.println("  the primary first). With CURRENT_VALUE (the variable's present value), prints it rotated:");
            out.println("  a new primary key followed by the current keys; then run JdbcCredentialStore.reencrypt()");
            out.println("  and drop the old keys once it returns.");
            return 0;
        }
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            err.println("EncryptionKeys takes no option and at most one argument, the current key ring value;"
                    + " see EncryptionKeys --help");
            return 2;
        }
        EncryptionKeys ring;
        try {
            ring = args.length > 0 ? parse(args[0], "the argument").rotate() : generate();
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println(ring.toEnvironmentValue());
        err.println("Set " + ENVIRONMENT_VARIABLE + " to the line above (keep it secret), then restart;"
                + " after a rotation run JdbcCredentialStore.reencrypt() before dropping old keys.");
        return 0;
    }

    /** This ring as the stores' row codecs use it; encrypting and decrypting stay out of the public API. */
    Cipher cipher() {
        return new Cipher() {
            @Override
            public Sealed seal(byte[] plaintext, byte[] associatedData) {
                return EncryptionKeys.this.seal(plaintext, associatedData);
            }

            @Override
            public byte[] open(@Nullable String keyId, byte[] payload, byte[] associatedData) throws GeneralSecurityException {
                return EncryptionKeys.this.open(keyId, payload, associatedData);
            }
        };
    }

    /** Encrypts with the primary key (or leaves the bytes as they are, with a null key id, for {@link #none()}). */
    Sealed seal(byte[] plaintext, byte[] associatedData) {
        if (keys.isEmpty()) {
            return new Sealed(null, plaintext);
        }
        Key primary = keys.get(0);
        try {
            byte[] ciphertext = primary.aead().encrypt(plaintext, associatedData);
            byte[] payload = new byte[ciphertext.length + 1];
            payload[0] = FORMAT_AES256_GCM;
            System.arraycopy(ciphertext, 0, payload, 1, ciphertext.length);
            return new Sealed(primary.id(), payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: the JDK's crypto provider is unusable", e);
        }
    }

    /**
     * Decrypts a payload written under {@code keyId} (null: plain text).
     *
     * @throws GeneralSecurityException with a message safe to show (no key material, no payload)
     */
    byte[] open(@Nullable String keyId, byte[] payload, byte[] associatedData) throws GeneralSecurityException {
        if (keyId == null) {
            if (!keys.isEmpty()) {
                throw new GeneralSecurityException("the row is stored in plain text but this store encrypts;"
                        + " run reencrypt() once to encrypt plain-text rows, or delete the row");
            }
            return payload;
        }
        Key key = null;
        for (Key k : keys) {
            if (k.id().equals(keyId)) {
                key = k;
                break;
            }
        }
        if (key == null) {
            throw new GeneralSecurityException(keys.isEmpty()
                    ? "the row is encrypted with key '" + keyId + "' but this store has no keys (EncryptionKeys.none());"
                        + " configure the key ring that wrote it"
                    : "the row is encrypted with key '" + keyId + "', which is not in the key ring " + keyIds()
                        + "; add that key after the primary one");
        }
        if (payload == null || payload.length < 1 + IV_BYTES + TAG_BYTES || payload[0] != FORMAT_AES256_GCM) {
            throw new GeneralSecurityException("the stored payload is truncated or not in a known format");
        }
        try {
            return key.aead().decrypt(Arrays.copyOfRange(payload, 1, payload.length), associatedData);
        } catch (GeneralSecurityException e) {
            // Tink's message carries nothing secret, but say what it means instead.
            throw new GeneralSecurityException("authentication failed with key '" + keyId + "': the payload was altered or"
                    + " truncated, copied from another provider or subject, or key '" + keyId
                    + "' is not the key that wrote it");
        }
    }

    static String missingKeyMessage() {
        return "No encryption key for the JDBC credential store. Create one and set it in the environment:"
                + " print a key ring with `java -cp <integrations-jdbc and its dependencies> dev.integrations.jdbc.EncryptionKeys`"
                + " (or EncryptionKeys.generate().toEnvironmentValue()) and set " + ENVIRONMENT_VARIABLE
                + " to it (format id:base64key[,id:base64key...], first = primary), or put it in a file named by "
                + KEY_FILE_VARIABLE + ", or pass .encryption(EncryptionKeys...) to the store's builder."
                + " To store tokens in plain text instead (not recommended), call .plaintext() explicitly.";
    }

    private static EncryptionKeys parse(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("The encryption key ring in " + source + " is empty. " + missingKeyMessage());
        }
        List<Key> ring = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int entry = 0;
        for (String line : value.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            for (String part : trimmed.split(",")) {
                String item = part.strip();
                if (item.isEmpty()) {
                    continue;
                }
                entry++;
                int colon = item.indexOf(':');
                if (colon <= 0) {
                    throw new ConfigurationException("Entry " + entry + " of " + source
                            + " is not 'id:base64key'; expected entries like k1:<32 bytes in Base64>, the first primary");
                }
                String id = item.substring(0, colon).strip();
                byte[] material;
                try {
                    material = Base64.getDecoder().decode(item.substring(colon + 1).strip());
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("The key of entry " + entry + " ('" + safeId(id) + "') in " + source
                            + " is not valid standard Base64");
                }
                if (!ids.add(id)) {
                    throw new ConfigurationException("Key id '" + safeId(id) + "' appears twice in " + source
                            + "; every key needs its own id");
                }
                ring.add(key(id, material, "entry " + entry + " of " + source));
            }
        }
        if (ring.isEmpty()) {
            throw new ConfigurationException("The encryption key ring in " + source + " has no entries. " + missingKeyMessage());
        }
        return new EncryptionKeys(ring);
    }

    private static Key key(String id, byte[] material, String source) {
        Objects.requireNonNull(id, "keyId");
        Objects.requireNonNull(material, "key");
        if (!KEY_ID.matcher(id).matches()) {
            throw new ConfigurationException("Invalid key id '" + safeId(id) + "' in " + source
                    + ": use 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        if (material.length != KEY_BYTES) {
            throw new ConfigurationException("Key '" + id + "' in " + source + " is " + material.length
                    + " bytes; AES-256 keys are " + KEY_BYTES + " random bytes (44 characters of Base64)");
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(IV_BYTES)
                    .setTagSizeBytes(TAG_BYTES)
                    // No Tink prefix: the key id lives in its own column, and rotation is ours.
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(material, InsecureSecretKeyAccess.get()))
                    .build();
            // Tink's AES-GCM primitive for this one key, built straight from the key (Tink's public
            // factory, the one its keyset registry itself calls): with the NO_PREFIX variant the
            // ciphertext is IV || ciphertext || tag, the format rows written by earlier versions use,
            // so they stay readable. A one-key keyset around it would only add, on every decrypt,
            // a lookup of the (empty) output prefix among the keyset's entries.
            Aead aead = AesGcmJce.create(key);
            return new Key(id, material.clone(), aead);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available from the JDK's crypto providers", e);
        }
    }

    private static String safeId(String id) {
        // An id is not secret, but a malformed entry might be key material pasted in the wrong place.
        return id.length() <= 64 && KEY_ID.matcher(id).matches() ? id : "<malformed>";
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String newKeyId() {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return "k" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + HexFormat.of().formatHex(suffix);
    }
}
