package dev.integrations.jdbc.internal;

import dev.integrations.core.ConfigurationException;
import dev.integrations.jdbc.CredentialStoreException;
import dev.integrations.jdbc.JdbcDialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What both JDBC stores share: the data source, the table names, lazy dialect detection and schema
 * creation, connection handling and the translation of {@link SQLException}s into
 * {@link CredentialStoreException}s whose messages are safe to log.
 */
public final class Database {
    /**
     * A unit of work on a connection.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection to use
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * A unit of work on one credential row's connection, given the row's key: a store can keep one
     * instance in a field instead of a lambda capturing the key on every call.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface KeyedWork<T> {
        /**
         * Does the work.
         *
         * @param connection the connection to use
         * @param provider the row's provider
         * @param subject the row's subject
         * @return the result
         * @throws SQLException when the database fails
         */
        T run(Connection connection, String provider, String subject) throws SQLException;
    }

    private final DataSource dataSource;
    private final Tables tables;
    private final List<String> requiredTables;
    private final boolean createSchema;
    // An explicit dialect skips detection only; the schema step still runs on first use.
    private final @Nullable JdbcDialect configuredDialect;
    private final Function<JdbcDialect, SqlDialect> behaviour;
    private final ReentrantLock initLock = new ReentrantLock();
    private volatile @Nullable JdbcDialect dialect;

    /**
     * A database that connects on first use.
     *
     * @param dataSource where the tables live
     * @param tables the table names
     * @param dialect the dialect, or null to detect it from the connection's metadata
     * @param createSchema whether to create missing tables (else only check them)
     * @param behaviour the behaviour of each dialect (the dialect constant's own)
     */
    public Database(DataSource dataSource, Tables tables, @Nullable JdbcDialect dialect, boolean createSchema,
                    Function<JdbcDialect, SqlDialect> behaviour) {
        this(dataSource, tables, dialect, createSchema, behaviour, List.of(tables.credentials(),
                tables.authorizationStates(), tables.refreshLocks(), tables.refreshLeases()));
    }

    /**
     * A database that connects on first use and checks only the tables its store uses: a store
     * built with {@code createSchema(false)} over a database made by an earlier version must not
     * fail for a table that only a newer, unused store reads.
     *
     * @param dataSource where the tables live
     * @param tables the table names
     * @param dialect the dialect, or null to detect it from the connection's metadata
     * @param createSchema whether to create missing tables (else only check them)
     * @param behaviour the behaviour of each dialect (the dialect constant's own)
     * @param requiredTables the tables that must exist (created when missing with {@code createSchema})
     */
    public Database(DataSource dataSource, Tables tables, @Nullable JdbcDialect dialect, boolean createSchema,
                    Function<JdbcDialect, SqlDialect> behaviour, List<String> requiredTables) {
        this.requiredTables = List.copyOf(requiredTables);
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.createSchema = createSchema;
        this.configuredDialect = dialect;
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
    }

    /**
     * The table names.
     *
     * @return the table names
     */
    public Tables tables() {
        return tables;
    }

    /**
     * The behaviour of this database's dialect; connects on first use (see {@link #dialect()}).
     *
     * @return the dialect's behaviour
     */
    public SqlDialect sql() {
        return behaviour.apply(dialect());
    }

    /**
     * The dialect, detecting it and creating (or checking) the schema on first use. A failure is
     * not remembered: the next call tries again, so a database that was down at start-up is fine.
     *
     * @return the dialect
     * @throws CredentialStoreException when the database fails or a table is missing and may not be created
     */
    public JdbcDialect dialect() {
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
            JdbcDialect d = configuredDialect != null ? configuredDialect : detect(c.getMetaData());
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
        SqlDialect sql = behaviour.apply(d);
        boolean transactional = sql.hasTransactionalDdl();
        try {
            if (transactional && autoCommit) {
                c.setAutoCommit(false);
            }
            try (Statement s = c.createStatement()) {
                sql.lockSchema(s);
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
    private @Nullable SQLException missingTable(Connection c) throws SQLException {
        for (String table : requiredTables) {
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
     * The dialect of a database, from its JDBC metadata.
     *
     * @throws ConfigurationException for a database the stores do not support, or SQLite older than 3.35
     */
    static JdbcDialect detect(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            int major = metaData.getDatabaseMajorVersion();
            int minor = metaData.getDatabaseMinorVersion();
            if (major < 3 || (major == 3 && minor < 35)) {
                throw new ConfigurationException("SQLite " + metaData.getDatabaseProductVersion()
                        + " is too old for the JDBC stores (they need 3.35 for RETURNING): use org.xerial:sqlite-jdbc 3.35 or later");
            }
            return JdbcDialect.SQLITE;
        }
        if (name.contains("postgres")) {
            return JdbcDialect.POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return JdbcDialect.MARIADB;
        }
        if (name.contains("mysql")) {
            // MariaDB servers reached through MySQL drivers report "MySQL" with a MariaDB version.
            String version = metaData.getDatabaseProductVersion();
            return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb") ? JdbcDialect.MARIADB : JdbcDialect.MYSQL;
        }
        throw new ConfigurationException("The JDBC stores do not support the database '" + product
                + "': use SQLite, PostgreSQL, MariaDB or MySQL, or set a compatible dialect with the builder's dialect(...)");
    }

    /**
     * Runs {@code work} on a connection of its own, returned right after; a connection handed out
     * with auto-commit off is committed (or rolled back) here. Creates the schema first if this is
     * the first call.
     *
     * @param <T> the result type
     * @param action what is being done, e.g. "Reading credentials", for the failure's message
     * @param context which row, e.g. "provider 'github', subject 'u1'", or null
     * @param work the work
     * @return the work's result
     * @throws CredentialStoreException when the database fails (message safe to log)
     */
    public <T> T run(String action, @Nullable String context, Work<T> work) {
        return run(action, context, null, null, work, null);
    }

    /**
     * {@link #run(String, String, Work)} for one credential row; the context of a failure's message
     * ({@link #context(String, String)}) is only built when there is a failure, not on every call.
     *
     * @param <T> the result type
     * @param action what is being done, e.g. "Reading credentials", for the failure's message
     * @param provider the row's provider
     * @param subject the row's subject
     * @param work the work
     * @return the work's result
     * @throws CredentialStoreException when the database fails (message safe to log)
     */
    public <T> T runFor(String action, String provider, String subject, Work<T> work) {
        return run(action, null, provider, subject, work, null);
    }

    /**
     * {@link #runFor(String, String, String, Work)} with work that is given the row's key.
     *
     * @param <T> the result type
     * @param action what is being done, e.g. "Reading credentials", for the failure's message
     * @param provider the row's provider
     * @param subject the row's subject
     * @param work the work
     * @return the work's result
     * @throws CredentialStoreException when the database fails (message safe to log)
     */
    public <T> T runFor(String action, String provider, String subject, KeyedWork<T> work) {
        return run(action, null, provider, subject, null, work);
    }

    private <T> T run(String action, @Nullable String context, @Nullable String provider, @Nullable String subject,
                      @Nullable Work<T> work, @Nullable KeyedWork<T> keyed) {
        dialect(); // every call may be the first: detect and create the schema before touching tables
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                T result = work != null ? work.run(c)
                        : Objects.requireNonNull(keyed).run(c, Objects.requireNonNull(provider), Objects.requireNonNull(subject));
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
            throw failure(action, context != null || provider == null || subject == null ? context
                    : context(provider, subject), e);
        }
    }

    /**
     * Runs {@code work} in a transaction on {@code c}: commits on success, rolls back on any
     * failure. Inside an existing transaction (auto-commit already off) it just runs, and the
     * owner of that transaction commits.
     *
     * @param <T> the result type
     * @param c the connection
     * @param work the work
     * @return the work's result
     * @throws SQLException when the database fails (after the rollback)
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
     * How failure messages name a row: {@code provider '<p>', subject '<s>'}.
     *
     * @param provider the provider
     * @param subject the subject
     * @return the description
     */
    public static String context(String provider, String subject) {
        return "provider '" + provider + "', subject '" + subject + "'";
    }

    /**
     * A {@link CredentialStoreException} for a failed database call. The message says what failed,
     * where, the SQLState and what to do; it never contains bound values.
     *
     * @param action what was being done, e.g. "Reading credentials"
     * @param context which row, e.g. "provider 'github', subject 'u1'", or null
     */
    private CredentialStoreException failure(String action, @Nullable String context, SQLException e) {
        JdbcDialect d = dialect;
        String where = (context == null ? "" : " for " + context) + " (" + (d == null ? "database" : d.name())
                + ", tables " + tables.prefix() + "*)";
        return new CredentialStoreException(action + where + " failed: " + describe(e) + " " + advice(e, d), sanitized(e));
    }

    private String advice(SQLException e, @Nullable JdbcDialect d) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isConnectionFailure(e)) {
            return "The database connection failed or was lost; the transaction was rolled back and stored data is"
                    + " unchanged. Check that the database is reachable, then retry.";
        }
        if (state.startsWith("42") || (d != null && behaviour.apply(d).isMissingTable(e))) {
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

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
