package dev.integrations.spring.boot;

import dev.integrations.AuthManager;
import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcAuthorizationStateStore;
import dev.integrations.jdbc.JdbcCredentialStore;
import dev.integrations.jdbc.JdbcStores;
import dev.integrations.spring.boot.actuate.IntegrationsHealthIndicator;
import dev.integrations.spring.boot.actuate.IntegrationsMetrics;
import dev.integrations.spring.boot.web.GithubConnectController;
import dev.integrations.spring.boot.web.SubjectResolver;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configures integrations-java (every bean backs off when the application defines its own):
 * <ul>
 *   <li>an {@link AuthManager} from the {@code integrations.github.*} properties (then the
 *       environment, then defaults), with the application's {@link AuthManagerBuilderCustomizer}s;</li>
 *   <li>a {@link JdbcCredentialStore} and a {@link JdbcAuthorizationStateStore} over the
 *       application's {@link DataSource} when it has one and integrations-jdbc is on the class
 *       path, encrypted with {@code integrations.store.encryption-keys} or
 *       {@code INTEGRATIONS_ENCRYPTION_KEYS} (startup fails, saying so, without them); in-memory
 *       stores otherwise;</li>
 *   <li>in a servlet web application, the connect, callback and disconnect endpoints
 *       ({@link GithubConnectController}) and the default {@link SubjectResolver};</li>
 *   <li>with Spring Boot's health module, the {@code integrations} health indicator; with
 *       Micrometer and a {@link MeterRegistry}, {@link IntegrationsMetrics}.</li>
 * </ul>
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(IntegrationsProperties.class)
public class IntegrationsAutoConfiguration {
    /** Creates the configuration (Spring Boot instantiates it). */
    public IntegrationsAutoConfiguration() {
    }

    /**
     * The manager, from the properties, the store beans and the customizers.
     *
     * @param properties the {@code integrations.*} properties
     * @param credentialStores the application's or the JDBC credential store, if any
     * @param stateStores the application's or the JDBC authorization-state store, if any
     * @param customizers changes to the builder, applied in order before it is built
     * @return the manager
     */
    @Bean
    @ConditionalOnMissingBean
    public AuthManager integrationsAuthManager(IntegrationsProperties properties,
                                               ObjectProvider<CredentialStore> credentialStores,
                                               ObjectProvider<AuthorizationStateStore> stateStores,
                                               ObjectProvider<AuthManagerBuilderCustomizer> customizers) {
        AuthManager.Builder builder = AuthManager.builder();
        Map<String, Object> app = properties.getGithub().appConfig();
        if (!app.isEmpty()) {
            builder.provider("github", app);
        }
        Map<String, Object> settings = properties.getGithub().sessionSettings();
        if (!settings.isEmpty()) {
            builder.sessionSettings("github", settings);
        }
        credentialStores.ifAvailable(builder::credentialStore);
        stateStores.ifAvailable(builder::authorizationStateStore);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The JDBC stores over the application's {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcStores.class)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(prefix = "integrations.store", name = "jdbc-enabled", havingValue = "true", matchIfMissing = true)
    public static class JdbcStoresConfiguration {
        /** Creates the configuration. */
        public JdbcStoresConfiguration() {
        }

        /**
         * The key ring: an {@link EncryptionKeys} bean of the application's, else
         * {@code integrations.store.encryption-keys}, else {@code integrations.store.encryption-key-file},
         * else the {@code INTEGRATIONS_ENCRYPTION_KEYS} or {@code INTEGRATIONS_ENCRYPTION_KEY_FILE}
         * variable (from any property source). Resolved only when a JDBC store is created, so an
         * application that defines both stores needs no key here.
         */
        static EncryptionKeys encryptionKeys(ObjectProvider<EncryptionKeys> bean, IntegrationsProperties properties,
                                             Environment environment) {
            EncryptionKeys own = bean.getIfAvailable();
            if (own != null) {
                return own;
            }
            String keys = properties.getStore().getEncryptionKeys();
            if (keys != null && !keys.isBlank()) {
                return EncryptionKeys.parse(keys);
            }
            String file = properties.getStore().getEncryptionKeyFile();
            if (file != null && !file.isBlank()) {
                return EncryptionKeys.fromFile(Path.of(file.trim()));
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (String name : new String[] {EncryptionKeys.ENVIRONMENT_VARIABLE, EncryptionKeys.KEY_FILE_VARIABLE}) {
                String value = environment.getProperty(name);
                if (value != null && !value.isBlank()) {
                    variables.put(name, value);
                }
            }
            if (variables.isEmpty()) {
                throw new MissingEncryptionKeysException();
            }
            return EncryptionKeys.fromEnvironment(variables);
        }

        /**
         * Users' credentials, encrypted, in the application's database.
         *
         * @param dataSource the application's data source
         * @param keys the application's key ring, if it defines one
         * @param properties the {@code integrations.*} properties
         * @param environment Spring's environment, which includes the process environment
         * @return the store
         * @throws MissingEncryptionKeysException when no key ring is configured
         */
        @Bean
        @ConditionalOnMissingBean(CredentialStore.class)
        public JdbcCredentialStore integrationsCredentialStore(DataSource dataSource, ObjectProvider<EncryptionKeys> keys,
                                                               IntegrationsProperties properties, Environment environment) {
            JdbcCredentialStore.Builder builder = JdbcCredentialStore.builder(dataSource)
                    .encryption(encryptionKeys(keys, properties, environment))
                    .createSchema(properties.getStore().isCreateSchema());
            String prefix = properties.getStore().getTablePrefix();
            if (prefix != null) {
                builder.tablePrefix(prefix);
            }
            return builder.build();
        }

        /**
         * Pending authorizations in the application's database, so a callback may reach any instance.
         *
         * @param dataSource the application's data source
         * @param keys the application's key ring, if it defines one
         * @param properties the {@code integrations.*} properties
         * @param environment Spring's environment, which includes the process environment
         * @return the store
         * @throws MissingEncryptionKeysException when no key ring is configured
         */
        @Bean
        @ConditionalOnMissingBean(AuthorizationStateStore.class)
        public JdbcAuthorizationStateStore integrationsAuthorizationStateStore(DataSource dataSource,
                ObjectProvider<EncryptionKeys> keys, IntegrationsProperties properties, Environment environment) {
            JdbcAuthorizationStateStore.Builder builder = JdbcAuthorizationStateStore.builder(dataSource)
                    .encryption(encryptionKeys(keys, properties, environment))
                    .createSchema(properties.getStore().isCreateSchema());
            String prefix = properties.getStore().getTablePrefix();
            if (prefix != null) {
                builder.tablePrefix(prefix);
            }
            return builder.build();
        }
    }

    /** The connect, callback and disconnect endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    @ConditionalOnProperty(prefix = "integrations.web", name = "enabled", havingValue = "true", matchIfMissing = true)
    public static class WebConfiguration {
        /** Creates the configuration. */
        public WebConfiguration() {
        }

        /**
         * Who the signed-in user is: the principal's name.
         *
         * @return the default resolver
         */
        @Bean
        @ConditionalOnMissingBean
        public SubjectResolver integrationsSubjectResolver() {
            return SubjectResolver.principalName();
        }

        /**
         * The endpoints.
         *
         * @param auth the manager
         * @param subjects who the signed-in user is
         * @param properties the {@code integrations.*} properties
         * @return the controller
         */
        @Bean
        @ConditionalOnMissingBean
        public GithubConnectController integrationsGithubConnectController(AuthManager auth, SubjectResolver subjects,
                                                                           IntegrationsProperties properties) {
            return new GithubConnectController(auth, subjects, properties.getWeb());
        }
    }

    /** The health contribution; {@code management.health.integrations.enabled=false} turns it off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("integrations")
    public static class HealthConfiguration {
        /** Creates the configuration. */
        public HealthConfiguration() {
        }

        /**
         * The {@code integrations} health indicator.
         *
         * @param auth the manager whose store is checked
         * @return the indicator, with a 5-second timeout
         */
        @Bean
        @ConditionalOnMissingBean(name = "integrationsHealthIndicator")
        public IntegrationsHealthIndicator integrationsHealthIndicator(AuthManager auth) {
            return new IntegrationsHealthIndicator(auth, Duration.ofSeconds(5));
        }
    }

    /** The Micrometer meters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    public static class MetricsConfiguration {
        /** Creates the configuration. */
        public MetricsConfiguration() {
        }

        /**
         * Registers {@link IntegrationsMetrics} with the manager's builder when the application has
         * a {@link MeterRegistry} (looked up when the manager is built, so the registry's
         * auto-configuration may come in any order).
         *
         * @param registries the meter registry, if any
         * @return the customizer
         */
        @Bean
        @ConditionalOnMissingBean(name = "integrationsMetricsCustomizer")
        public AuthManagerBuilderCustomizer integrationsMetricsCustomizer(ObjectProvider<MeterRegistry> registries) {
            return builder -> registries.ifAvailable(registry -> new IntegrationsMetrics(registry).register(builder));
        }
    }
}
