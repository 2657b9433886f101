package dev.integrations.examples.connectgithub;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Local sign-in: a form login with two in-memory demo users, {@code alice} and {@code bob}.
 * Their password is {@value #SANDBOX_PASSWORD} in sandbox mode; against github.com it must be
 * chosen with {@code connect-github.demo-password} ({@code CONNECT_GITHUB_DEMO_PASSWORD}), so a
 * deployment with real GitHub credentials never runs with a published password.
 *
 * <p>Spring Security's defaults stay on: CSRF tokens on every POST (the Disconnect and Sign-out
 * forms carry them), session fixation protection, security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** The demo users' password in sandbox mode, as the README says. */
    static final String SANDBOX_PASSWORD = "sandbox";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/favicon.svg", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                // "?logout" is what the sign-in page looks for to say "You are signed out."
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(PasswordEncoder encoder, Environment environment,
                             @Value("${connect-github.demo-password:}") String configured) {
        String password = configured;
        if (password.isBlank()) {
            if (environment.getProperty(SandboxMode.URL) == null) {
                throw new IllegalStateException("Against github.com the demo users need a password of your choice: set "
                        + "CONNECT_GITHUB_DEMO_PASSWORD (or connect-github.demo-password). The published password '"
                        + SANDBOX_PASSWORD + "' only works in sandbox mode.");
            }
            password = SANDBOX_PASSWORD;
        }
        String encoded = encoder.encode(password);
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password(encoded).roles("USER").build(),
                User.withUsername("bob").password(encoded).roles("USER").build());
    }
}
