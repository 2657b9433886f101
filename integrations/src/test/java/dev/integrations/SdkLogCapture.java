package dev.integrations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line of a test with the SDK's loggers at TRACE, so canary tests see even the
 * most detailed lines the SDK could write: {@code @RegisterExtension final SdkLogCapture logs = new SdkLogCapture();}.
 * The previous level is restored after each test.
 */
public final class SdkLogCapture implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger sdkLogger = (Logger) LoggerFactory.getLogger("dev.integrations");
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @Override
    public void beforeEach(ExtensionContext context) {
        previousLevel = sdkLogger.getLevel();
        sdkLogger.setLevel(Level.TRACE);
        appender.list.clear();
        appender.start();
        root.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root.detachAppender(appender);
        sdkLogger.setLevel(previousLevel);
    }

    /** The events logged so far in this test. */
    public List<ILoggingEvent> events() {
        return appender.list;
    }
}
