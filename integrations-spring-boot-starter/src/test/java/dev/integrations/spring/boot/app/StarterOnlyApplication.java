package dev.integrations.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that adds nothing but the starter (and Spring Security for its sign-in): no bean,
 * no controller. Its test configures it with properties only.
 */
@SpringBootApplication
public class StarterOnlyApplication {
}
