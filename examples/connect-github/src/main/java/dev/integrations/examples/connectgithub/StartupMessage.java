package dev.integrations.examples.connectgithub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where to open the app once it listens, and in sandbox mode how to sign in. */
@Component
class StartupMessage implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupMessage.class);

    private final Environment environment;

    StartupMessage(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // 127.0.0.1, not localhost: the sandbox's (and a loopback GitHub app's) callback is registered for it.
        String url = "http://127.0.0.1:" + event.getWebServer().getPort() + "/";
        if (environment.getProperty(SandboxMode.URL) != null) {
            LOG.info("Octodash is running at {} (sandbox mode): sign in as alice or bob, password '{}'",
                    url, SecurityConfig.SANDBOX_PASSWORD);
        } else {
            LOG.info("Octodash is running at {} against GitHub", url);
        }
    }
}
