package dev.integrations.github.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The test keys in {@code src/test/resources/github-app} (made with openssl; see the README there). */
final class TestKeys {
    static final String APP_FINGERPRINT = "SHA256:c/WEBBbx1BBRkJmOqRW4nFyyV/1zB8/O2cGknDfPMf4=";

    private TestKeys() {
    }

    static Path path(String name) {
        try {
            return Path.of(TestKeys.class.getResource("/github-app/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 lines of a PEM: what must never appear anywhere. */
    static java.util.List<String> bodyLines(String name) {
        return pem(name).lines().filter(l -> !l.startsWith("-----") && !l.isBlank()).toList();
    }

    /** The public half of a PKCS#8 test key, for registering the app with the sandbox. */
    static PublicKey publicKey(String pkcs8Name) {
        try {
            String body = String.join("", bodyLines(pkcs8Name));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
