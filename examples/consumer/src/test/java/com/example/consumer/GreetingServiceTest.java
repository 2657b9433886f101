package com.example.consumer;

import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.jdbc.EncryptionKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreetingServiceTest {

    @RegisterExtension
    static GithubSandboxExtension github = new GithubSandboxExtension();

    @Test
    void greetsTheUserBehindAStoredToken(@TempDir Path dir) {
        String token = github.sandbox().issueToken(github.sandbox().defaultUser(), "read:user");
        try (GreetingService service = new GreetingService(dir.resolve("app.db"), EncryptionKeys.generate(),
                github.sandbox().environment())) {
            service.remember("user-1", token);

            assertEquals("Hello, " + github.sandbox().defaultUser().login(), service.greet("user-1"));
        }
    }
}
