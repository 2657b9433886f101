package dev.integrations.github.app;

import dev.integrations.core.ConfigurationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A GitHub App's RSA private key, read with the JDK alone ({@link KeyFactory}, no extra
 * dependency): PEM in PKCS#1 ({@code -----BEGIN RSA PRIVATE KEY-----}, what GitHub hands out) or
 * PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey} and
 * {@code openssl pkcs8 -topk8} write). The JDK reads only PKCS#8, so a PKCS#1 key is wrapped in a
 * PKCS#8 envelope first (a fixed DER prefix naming {@code rsaEncryption}).
 *
 * <p>{@link #toString()} shows the SHA-256 fingerprint of the <em>public</em> key, in the form
 * GitHub's app settings page shows it, so the key in use can be matched against the keys
 * registered there; the private key itself is never printed.
 */
public final class GithubAppPrivateKey {
    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";

    private final RSAPrivateKey key;
    private final String fingerprint;

    private GithubAppPrivateKey(RSAPrivateKey key) {
        this.key = key;
        this.fingerprint = fingerprint(key);
    }

    /**
     * Reads a PEM text. Escaped line breaks ({@code \n} as two characters, as some {@code .env}
     * files and secret stores keep them) are accepted.
     *
     * @param pem the PEM text, PKCS#1 or PKCS#8, unencrypted
     * @return the key
     * @throws ConfigurationException when the text is not such a key (the message says what is
     *     wrong and never quotes the key)
     */
    public static GithubAppPrivateKey fromPem(String pem) {
        return fromPem(pem, "The GitHub App private key");
    }

    /**
     * Reads a PEM file.
     *
     * @param path the file, e.g. the {@code .pem} downloaded from the app's settings
     * @return the key
     * @throws ConfigurationException when the file cannot be read or holds no such key
     */
    public static GithubAppPrivateKey fromFile(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("Cannot read the GitHub App private key file " + path + " ("
                    + e.getClass().getSimpleName() + "); check the path and that the process may read it");
        }
        return fromPem(text, "The GitHub App private key file " + path);
    }

    /**
     * Wraps a key already loaded (e.g. from a key store or a KMS-backed provider).
     *
     * @param key an RSA private key
     * @return the key
     * @throws ConfigurationException when it is not an RSA key
     */
    public static GithubAppPrivateKey of(PrivateKey key) {
        if (!(key instanceof RSAPrivateKey rsa)) {
            throw new ConfigurationException("A GitHub App private key must be RSA (GitHub signs app JWTs with RS256),"
                    + " got " + key.getAlgorithm());
        }
        if (rsa instanceof RSAPrivateCrtKey crt && !consistent(crt)) {
            throw new ConfigurationException("The GitHub App private key is damaged: its parts do not form one RSA key"
                    + " (a character changed in the PEM?); download a new key from the GitHub App's settings");
        }
        return new GithubAppPrivateKey(rsa);
    }

    /**
     * A PEM with a changed character can still decode into a "key" GitHub would reject with an
     * unhelpful message; a sign-and-verify round trip with the key's own public half catches it here.
     */
    private static boolean consistent(RSAPrivateCrtKey key) {
        try {
            byte[] probe = "integrations-java key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static GithubAppPrivateKey fromPem(String pem, String what) {
        Objects.requireNonNull(pem, "pem");
        String text = pem.replace("\\r", "").replace("\\n", "\n").replace("\r", "").trim();
        if (text.matches("-----BEGIN [A-Z ]+-----")) {
            // Seen when a multi-line value was cut to its first line (a .env file without quotes).
            throw new ConfigurationException(what + " holds only its first line (" + text + "): the value was cut at"
                    + " the first line break. Put the whole PEM in the variable (quoted, or with \\n escapes), or point"
                    + " GITHUB_APP_PRIVATE_KEY_PATH at the .pem file instead");
        }
        String type;
        if (text.startsWith("-----BEGIN " + PKCS1 + "-----")) {
            type = PKCS1;
        } else if (text.startsWith("-----BEGIN " + PKCS8 + "-----")) {
            type = PKCS8;
        } else if (text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new ConfigurationException(what + " is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt)");
        } else {
            throw new ConfigurationException(what + " is not a PEM private key: it must start with -----BEGIN RSA PRIVATE"
                    + " KEY----- (the .pem GitHub generates) or -----BEGIN PRIVATE KEY-----");
        }
        String end = "-----END " + type + "-----";
        int endAt = text.indexOf(end);
        if (endAt < 0) {
            throw new ConfigurationException(what + " has no '" + end + "' line: the PEM is truncated");
        }
        String body = text.substring(("-----BEGIN " + type + "-----").length(), endAt).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(what + " is not valid base64 between its BEGIN and END lines");
        }
        try {
            byte[] pkcs8 = type.equals(PKCS1) ? wrapPkcs1(der) : der;
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return of(key);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(what + ": " + e.getMessage());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ConfigurationException(what + " could not be read as an RSA private key ("
                    + e.getClass().getSimpleName() + "); download a new key from the GitHub App's settings");
        }
    }

    /**
     * Signs {@code data} with RS256 ({@code SHA256withRSA}).
     *
     * @param data the bytes to sign (a JWT's {@code header.payload})
     * @return the signature
     * @throws IllegalStateException when the JDK cannot sign with the key (it has no RSA support)
     */
    public byte[] signSha256WithRsa(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the GitHub App private key (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /**
     * The SHA-256 fingerprint of the public key, base64, as GitHub's app settings page shows it
     * ({@code openssl rsa -pubout -outform DER | openssl sha256 -binary | openssl base64}).
     *
     * @return the fingerprint, e.g. {@code SHA256:...}; empty when the key does not carry its
     *     public exponent (not a CRT key)
     */
    public String publicKeyFingerprint() {
        return fingerprint;
    }

    /**
     * Describes the key without its secret.
     *
     * @return the algorithm, size and public fingerprint
     */
    @Override
    public String toString() {
        return "GithubAppPrivateKey[RSA " + key.getModulus().bitLength() + " bits"
                + (fingerprint.isEmpty() ? "" : ", " + fingerprint) + "]";
    }

    /**
     * PKCS#8 {@code PrivateKeyInfo} around a PKCS#1 {@code RSAPrivateKey}: SEQUENCE { INTEGER 0,
     * SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }, OCTET STRING { pkcs1 } }.
     */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        octets.write(0x04);
        writeLength(octets, pkcs1.length);
        octets.writeBytes(pkcs1);
        int contentLength = version.length + algorithm.length + octets.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, contentLength);
        out.writeBytes(version);
        out.writeBytes(algorithm);
        out.writeBytes(octets.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((length >>> (8 * i)) & 0xff);
        }
    }

    private static String fingerprint(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            return "";
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return "SHA256:" + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            return "";
        }
    }
}
