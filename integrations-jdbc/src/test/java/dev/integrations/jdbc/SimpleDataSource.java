package dev.integrations.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A data source for tests: connections come from {@code opener}; the last one handed out on each
 * thread is remembered, so a test can break the very connection a store is using.
 */
final class SimpleDataSource extends TestDataSource {
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final ThreadLocal<Connection> last = new ThreadLocal<>();

    SimpleDataSource(Opener opener) {
        this.opener = opener;
    }

    /** Wraps another data source, remembering its connections. */
    static SimpleDataSource recording(DataSource delegate) {
        return new SimpleDataSource(delegate::getConnection);
    }

    /** The connection most recently handed out on this thread. */
    Connection lastConnection() {
        return last.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = opener.open();
        last.set(c);
        return c;
    }
}
