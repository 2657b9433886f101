package dev.integrations.architecture;

import dev.integrations.spi.ClientFactory;
import dev.integrations.Integrations;
import dev.integrations.auth.AuthProviderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the line between API and machinery that {@code module-info.java} draws: a public type
 * outside the exported packages must never leak into an exported signature, or users could not
 * name (and we could not change) what they are handed.
 */
class PublicSurfaceTest {
    private static Path classes;
    private static ModuleDescriptor descriptor;
    private static Set<String> exported;

    @BeforeAll
    static void readDescriptor() throws IOException, URISyntaxException {
        classes = Paths.get(Integrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        exported = descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @DisplayName("issue 8: the module is dev.integrations and exports no internal package to everyone")
    void exportsOnlyApiPackages() {
        assertThat(descriptor.name()).isEqualTo("dev.integrations");
        assertThat(exported).isNotEmpty().noneMatch(pkg -> pkg.contains(".internal"));
        assertThat(exported).as("issue 10: GitHub Apps are API").contains("dev.integrations.github.app");
        // Every package of the module is either exported (API) or internal (machinery): nothing in between.
        assertThat(descriptor.packages()).allMatch(pkg -> exported.contains(pkg) || pkg.contains(".internal"),
                "exported or named .internal");
    }

    @Test
    @DisplayName("issue 8: no exported signature names a type that is not exported")
    void exportedSignaturesNameOnlyExportedTypes() throws IOException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> types = exportedTypes();
        assertThat(types).contains(Integrations.class);
        for (Class<?> type : types) {
            String owner = type.getName();
            check(type.getGenericSuperclass(), owner + " extends", leaks);
            for (Type iface : type.getGenericInterfaces()) {
                check(iface, owner + " implements", leaks);
            }
            for (TypeVariable<?> variable : type.getTypeParameters()) {
                for (Type bound : variable.getBounds()) {
                    check(bound, owner + " type parameter " + variable.getName(), leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field.getModifiers()) && !field.isSynthetic()) {
                    check(field.getGenericType(), owner + "." + field.getName(), leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    checkExecutable(constructor, owner + ".<init>", leaks);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                    check(method.getGenericReturnType(), owner + "." + method.getName() + " returns", leaks);
                    checkExecutable(method, owner + "." + method.getName(), leaks);
                }
            }
        }
        assertThat(leaks).as("types outside the exported packages in exported signatures").isEmpty();
    }

    @Test
    @DisplayName("issue 8: both plug-in interfaces are used and provided through the descriptor, as in META-INF/services")
    void pluginsAreDeclared() throws Exception {
        Map<String, List<String>> provides = descriptor.provides().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Provides::service, ModuleDescriptor.Provides::providers));
        assertThat(descriptor.uses()).contains(ClientFactory.class.getName(), AuthProviderFactory.class.getName());
        assertThat(provides).containsOnlyKeys(ClientFactory.class.getName(), AuthProviderFactory.class.getName());
        for (Map.Entry<String, List<String>> service : provides.entrySet()) {
            Class<?> type = Class.forName(service.getKey());
            for (String provider : service.getValue()) {
                assertThat(type).isAssignableFrom(Class.forName(provider));
            }
            // Class-path users find plug-ins through META-INF/services: it must name the same classes.
            List<String> listed = Files.readAllLines(classes.resolve("META-INF/services/" + service.getKey())).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toList());
            assertThat(listed).containsExactlyInAnyOrderElementsOf(service.getValue());
        }
    }

    @Test
    @DisplayName("issue 8: every exported package documents itself in a package-info.java")
    void everyExportedPackageHasPackageInfo() {
        Path sources = Paths.get(System.getProperty("integrations.projectRoot", ".."), "integrations", "src", "main", "java");
        assertThat(exported).allSatisfy(pkg ->
                assertThat(sources.resolve(pkg.replace('.', '/')).resolve("package-info.java")).isRegularFile());
    }

    private static void checkExecutable(Executable executable, String where, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(parameter, where + " parameter", leaks);
        }
        for (Type exception : executable.getGenericExceptionTypes()) {
            check(exception, where + " throws", leaks);
        }
        for (TypeVariable<?> variable : executable.getTypeParameters()) {
            for (Type bound : variable.getBounds()) {
                check(bound, where + " type parameter " + variable.getName(), leaks);
            }
        }
    }

    private static void check(Type type, String where, List<String> leaks) {
        check(type, where, leaks, new HashSet<>());
    }

    private static void check(Type type, String where, List<String> leaks, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && !allowed(c)) {
                leaks.add(where + ": " + c.getName());
            }
        } else if (type instanceof ParameterizedType parameterized) {
            check(parameterized.getRawType(), where, leaks, seen);
            check(parameterized.getOwnerType(), where, leaks, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(argument, where, leaks, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Stream.of(wildcard.getUpperBounds()), Stream.of(wildcard.getLowerBounds()))
                    .forEach(bound -> check(bound, where, leaks, seen));
        } else if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), where, leaks, seen);
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                check(bound, where, leaks, seen);
            }
        }
    }

    /**
     * The JDK, the modules required transitively (so users read them too) and accessible types of
     * the exported packages.
     */
    private static boolean allowed(Class<?> type) {
        String pkg = type.getPackageName();
        if (pkg.startsWith("java.") || pkg.startsWith("com.fasterxml.jackson.")) {
            return true;
        }
        return exported.contains(pkg) && accessible(type);
    }

    private static boolean accessible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!visible(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> exportedTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                    String simple = file.getFileName().toString().replace(".class", "");
                    if (simple.equals("package-info")) {
                        continue;
                    }
                    Class<?> type = Class.forName(pkg + "." + simple, false, PublicSurfaceTest.class.getClassLoader());
                    if (!type.isAnonymousClass() && !type.isLocalClass() && accessible(type)) {
                        types.add(type);
                    }
                }
            }
        }
        return types;
    }
}
