package dev.integrations.examples.connectgithub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small web app where a signed-in user connects their GitHub account and sees their
 * repositories. Without GitHub credentials configured it runs against an in-process GitHub
 * sandbox ({@link SandboxMode}).
 */
@SpringBootApplication
public class ConnectGithubApplication {

    /**
     * Starts the app (default port 8080).
     *
     * @param args Spring Boot command-line arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(ConnectGithubApplication.class, args);
    }
}
