package dev.integrations.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What both JDBC stores share: the data source, the table names, lazy dialect detection and schema
 * creation, connection handling and the translation of {@link SQLException}s into
 * {@link CredentialStoreException}s whose messages are safe to log.
 */
final class Database {
    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    // Fixed key for pg_advisory_xact_lock: serialises concurrent schema creation across processes,
    // because concurrent CREATE TABLE IF NOT EXISTS can fail on PostgreSQL's catalog unique index.
    private static final long SCHEMA_LOCK_KEY = 0x696e746567726174L;

    private final DataSource dataSource;
    private final Tables tables;
    private final boolean createSchema;
    // An explicit dialect skips detection only; the schema step still runs on first use.
    private final JdbcDialect configuredDialect;
    private final ReentrantLock initLock = new ReentrantLock();
    private volatile JdbcDialect dialect;

    Database(DataSource dataSource, Tables tables, JdbcDialect dialect, boolean createSchema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.createSchema = createSchema;
        this.configuredDialect = dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Tables tables() {
        return tables;
    }

    /**
     * The dialect, detecting it and creating (or checking) the schema on first use. A failure is
     * not remembered: the next call tries again, so a database that was down at start-up is fine.
     */
    JdbcDialect dialect() {
        JdbcDialect d = dialect;
        if (d != null) {
            return d;
        }
        initLock.lock();
        try {
            if (dialect == null) {
                dialect = initialize();
            }
            return dialect;
        } finally {
            initLock.unlock();
        }
    }

    private JdbcDialect initialize() {
        try (Connection c = dataSource.getConnection()) {
            JdbcDialect d = configuredDialect != null ? configuredDialect : JdbcDialect.detect(c.getMetaData());
            // Probe before any DDL: on PostgreSQL even CREATE INDEX IF NOT EXISTS takes a share lock
            // on an existing table, so a new instance would wait for every refresh in progress.
            SQLException missing = missingTable(c);
            if (missing != null) {
                if (!createSchema) {
                    throw new CredentialStoreException("A table of the JDBC stores (prefix " + tables.prefix() + ") is missing and"
                            + " the store was built with createSchema(false): apply the shipped schema " + d.schemaResource()
                            + " (JdbcDialect." + d.name() + ".schemaStatements(\"" + tables.prefix()
                            + "\")) or build the store with createSchema(true). " + describe(missing), sanitized(missing));
                }
                createSchema(c, d);
            }
            return d;
        } catch (SQLException e) {
            throw failure(createSchema ? "Creating the schema of the JDBC stores" : "Checking the schema of the JDBC stores",
                    null, e);
        }
    }

    private void createSchema(Connection c, JdbcDialect d) throws SQLException {
        List<String> statements = d.schemaStatements(tables.prefix());
        boolean autoCommit = c.getAutoCommit();
        // PostgreSQL and SQLite have transactional DDL: all tables appear together or not at all.
        // MariaDB commits each DDL statement implicitly, and every statement is idempotent anyway.
        boolean transactional = d == JdbcDialect.POSTGRESQL || d == JdbcDialect.SQLITE;
        try {
            if (transactional && autoCommit) {
                c.setAutoCommit(false);
            }
            try (Statement s = c.createStatement()) {
                if (d == JdbcDialect.POSTGRESQL) {
                    s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
                }
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            if (c.getAutoCommit() != autoCommit) {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * The error of reading the first missing table, or null when all exist. A database created by
     * an earlier version lacks the newer tables: the (idempotent) schema step then adds them.
     */
    private SQLException missingTable(Connection c) throws SQLException {
        for (String table : List.of(tables.credentials(), tables.authorizationStates(), tables.refreshLocks(),
                tables.refreshLeases())) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            } catch (SQLException e) {
                if (isConnectionFailure(e)) {
                    throw e;
                }
                rollbackQuietly(c, e);
                return e;
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return null;
    }

    /**
     * Runs {@code work} on {@code bound} when given (its owner commits), else on a connection of its
     * own that is returned right after.
     * Connections handed out with auto-commit off are committed (or rolled back) here.
     */
    <T> T run(Connection bound, String action, String context, Work<T> work) {
        dialect(); // every call may be the first: detect and create the schema before touching tables
        if (bound != null) {
            try {
                return work.run(bound);
            } catch (SQLException e) {
                throw failure(action, context, e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                T result = work.run(c);
                if (!autoCommit && !c.getAutoCommit()) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (!c.getAutoCommit()) {
                    rollbackQuietly(c, e);
                }
                throw e;
            } finally {
                if (c.getAutoCommit() != autoCommit) {
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw failure(action, context, e);
        }
    }

    /**
     * Runs {@code work} in a transaction on {@code c}: commits on success, rolls back on any
     * failure. Inside an existing transaction (auto-commit already off) it just runs, and the
     * owner of that transaction commits.
     */
    static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            return work.run(c);
        }
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                // The connection is broken; the pool discards it, and the work's outcome stands.
            }
        }
    }

    static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // Nothing was committed: a lost connection rolls back on the server side.
            cause.addSuppressed(sanitized(e));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A {@link CredentialStoreException} for a failed database call. The message says what failed,
     * where, the SQLState and what to do; it never contains bound values.
     *
     * @param action what was being done, e.g. "Reading credentials"
     * @param context which row, e.g. "provider 'github', subject 'u1'", or null
     */
    CredentialStoreException failure(String action, String context, SQLException e) {
        JdbcDialect d = dialect;
        String where = (context == null ? "" : " for " + context) + " (" + (d == null ? "database" : d.name())
                + ", tables " + tables.prefix() + "*)";
        return new CredentialStoreException(action + where + " failed: " + describe(e) + " " + advice(e, d), sanitized(e));
    }

    private String advice(SQLException e, JdbcDialect d) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isConnectionFailure(e)) {
            return "The database connection failed or was lost; the transaction was rolled back and stored data is"
                    + " unchanged. Check that the database is reachable, then retry.";
        }
        if (state.startsWith("42") || (d == JdbcDialect.SQLITE && String.valueOf(e.getMessage()).contains("no such table"))) {
            return "A table is missing or has another shape: let the store create it (createSchema(true), the default) or"
                    + " apply the shipped schema " + (d == null ? "dev/integrations/jdbc/schema/<database>.sql" : d.schemaResource()) + ".";
        }
        if (state.startsWith("28")) {
            return "The database refused the DataSource's user or password.";
        }
        if (state.startsWith("22")) {
            return "A value does not fit its column (on MariaDB/MySQL provider names are limited to 64 characters and"
                    + " subjects to 700).";
        }
        return "Stored data is unchanged. Check that the database is reachable and its schema matches the shipped schema,"
                + " then retry.";
    }

    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("70100")
                || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException;
    }

    static String describe(SQLException e) {
        return "SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + ": " + firstLine(e.getMessage()) + ".";
    }

    /**
     * A copy of {@code e} with only the first line of its message and no cause: PostgreSQL appends
     * "Detail: Failing row contains (...)" lines with the row's values, which could hold ciphertext
     * or, for stores that opted out of encryption, tokens.
     */
    static SQLException sanitized(SQLException e) {
        SQLException copy = new SQLException(e.getClass().getName() + ": " + firstLine(e.getMessage()), e.getSQLState(),
                e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
