package dev.integrations.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pool of one physical connection, as small as a pool can be: handed out again and again, checked
 * only when it comes back (a broken one is dropped and the next borrower gets a new one), like
 * real pools that skip validation of recently used connections. Lets a test break the very
 * connection the store will use next, with a real fault ({@link TestDatabase#kill}), or make the
 * database refuse new connections.
 */
final class BreakableDataSource extends TestDataSource {
    private final DataSource physicalSource;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection physical;
    private volatile boolean refusing;

    BreakableDataSource(DataSource physicalSource) {
        this.physicalSource = physicalSource;
    }

    /** The physical connection the next borrower gets (opening it if needed). */
    Connection physical() throws SQLException {
        lock.lock();
        try {
            if (physical == null) {
                physical = physicalSource.getConnection();
            }
            return physical;
        } finally {
            lock.unlock();
        }
    }

    /** Whether new connections are refused, as by a database that is down. */
    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (refusing) {
            throw new SQLException("Connection refused", "08001");
        }
        Connection c = physical();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        giveBack(c);
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection c) {
        boolean broken;
        try {
            broken = c.isClosed() || !c.isValid(2);
        } catch (SQLException e) {
            broken = true;
        }
        if (broken) {
            lock.lock();
            try {
                if (physical == c) {
                    physical = null;
                }
            } finally {
                lock.unlock();
            }
            try {
                c.close();
            } catch (SQLException e) {
                // already broken
            }
        }
    }
}
