package dev.integrations.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("issue 8: only API is public in dev.integrations.jdbc; machinery stays in .internal")
class PublicApiTest {
    private static final String INTERNAL = "dev.integrations.jdbc.internal.";

    @Test
    @DisplayName("the public types of dev.integrations.jdbc are exactly the documented API")
    void publicTypesAreTheApi() throws Exception {
        assertThat(publicTypeNames()).containsExactlyInAnyOrder("CredentialDecryptionException", "CredentialStoreException",
                "EncryptionKeys", "JdbcAuthorizationStateStore", "JdbcCredentialStore", "JdbcDialect", "JdbcStoreOptions",
                "JdbcStores", "JdbcWebhookDeliveryStore");
    }

    @Test
    @DisplayName("no public or protected member of the API names an internal type, so .internal need not be exported")
    void apiSignaturesDoNotExposeInternals() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String name : publicTypeNames()) {
            Class<?> type = Class.forName("dev.integrations.jdbc." + name);
            List<Class<?>> types = new ArrayList<>(List.of(type));
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers())) {
                    types.add(nested);
                }
            }
            for (Class<?> t : types) {
                check(t.getName() + " extends", t.getGenericSuperclass(), leaks);
                for (Type i : t.getGenericInterfaces()) {
                    check(t.getName() + " implements", i, leaks);
                }
                for (Method m : t.getDeclaredMethods()) {
                    if (exposed(m) && !m.isSynthetic()) {
                        checkExecutable(m, leaks);
                        check(m.toString(), m.getGenericReturnType(), leaks);
                    }
                }
                for (Constructor<?> c : t.getDeclaredConstructors()) {
                    if (exposed(c)) {
                        checkExecutable(c, leaks);
                    }
                }
                for (Field f : t.getDeclaredFields()) {
                    if (exposed(f)) {
                        check(f.toString(), f.getGenericType(), leaks);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    @DisplayName("dialect differences are behaviour of the JdbcDialect constants, not comparisons scattered in the code")
    void noDialectComparisons() throws IOException {
        Pattern comparison = Pattern.compile("[=!]=\\s*JdbcDialect\\.[A-Z]|JdbcDialect\\.[A-Z]+\\s*[=!]=|case\\s+(SQLITE|POSTGRESQL|MARIADB|MYSQL)\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (comparison.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean exposed(Member m) {
        return Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers());
    }

    private static void checkExecutable(Executable e, List<String> leaks) {
        for (Type p : e.getGenericParameterTypes()) {
            check(e.toString(), p, leaks);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(e.toString(), x, leaks);
        }
    }

    private static void check(String where, Type type, List<String> leaks) {
        if (type != null && type.getTypeName().contains(INTERNAL)) {
            leaks.add(where + " names " + type.getTypeName());
        }
    }

    private static Set<String> publicTypeNames() throws URISyntaxException, IOException, ClassNotFoundException {
        Path classes = Path.of(JdbcStores.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/integrations/jdbc");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class")) {
                    String simple = fileName.substring(0, fileName.length() - ".class".length());
                    if (Modifier.isPublic(Class.forName("dev.integrations.jdbc." + simple).getModifiers())) {
                        names.add(simple);
                    }
                }
            }
        }
        return names;
    }
}
