package dev.integrations.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A data source for tests: connections come from {@code opener}; the last one handed out on each
 * thread is remembered, so a test can break the very connection a store is using.
 */
final class SimpleDataSource implements DataSource {
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

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are fixed");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
