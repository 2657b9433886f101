package dev.integrations.jdbc;

import dev.integrations.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL flavours the JDBC stores speak. Normally detected from the connection's metadata; set
 * one explicitly with the builders' {@code dialect(...)} for a compatible database that reports
 * another product name.
 *
 * <p>Each dialect ships its schema as a plain SQL file, {@code dev/integrations/jdbc/schema/<name>.sql}
 * in this module's jar, which the stores execute themselves (so the file is the single source of
 * truth); {@link #schemaStatements(String)} returns its statements for teams that run migrations
 * with their own tool.
 */
public enum JdbcDialect {
    /** SQLite 3.35 or later (xerial sqlite-jdbc): the embedded default. */
    SQLITE("sqlite"),
    /** PostgreSQL 11 or later. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.3 or later with InnoDB. */
    MARIADB("mariadb"),
    /** MySQL 8.0 or later with InnoDB: the MariaDB statements with MySQL's exact collation; not exercised by this project's CI. */
    MYSQL("mysql");

    /** The table prefix the shipped schema files use. */
    public static final String DEFAULT_TABLE_PREFIX = "integrations_";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,29}");

    private final String fileName;

    JdbcDialect(String fileName) {
        this.fileName = fileName;
    }

    /**
     * The class-path location of this dialect's schema file.
     *
     * @return the resource path, e.g. {@code dev/integrations/jdbc/schema/sqlite.sql}
     */
    public String schemaResource() {
        return "dev/integrations/jdbc/schema/" + fileName + ".sql";
    }

    /**
     * The statements of the shipped schema file, comments removed, with every
     * {@value #DEFAULT_TABLE_PREFIX} replaced by {@code tablePrefix}. Each statement is idempotent
     * ({@code CREATE ... IF NOT EXISTS}).
     *
     * @param tablePrefix the table prefix to use instead of the default
     * @return the statements, in order
     */
    public List<String> schemaStatements(String tablePrefix) {
        String prefix = checkTablePrefix(tablePrefix);
        String script;
        try (InputStream in = JdbcDialect.class.getClassLoader().getResourceAsStream(schemaResource())) {
            if (in == null) {
                throw new IllegalStateException(schemaResource() + " is missing from the class path: the integrations-jdbc jar is damaged");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + schemaResource(), e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\\R")) {
            int comment = line.indexOf("--");
            sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : sql.toString().split(";")) {
            String trimmed = statement.strip();
            if (!trimmed.isEmpty()) {
                statements.add(trimmed.replace(DEFAULT_TABLE_PREFIX, prefix));
            }
        }
        return statements;
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
            return SQLITE;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        if (name.contains("mysql")) {
            // MariaDB servers reached through MySQL drivers report "MySQL" with a MariaDB version.
            String version = metaData.getDatabaseProductVersion();
            return version != null && version.toLowerCase(Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
        }
        throw new ConfigurationException("The JDBC stores do not support the database '" + product
                + "': use SQLite, PostgreSQL, MariaDB or MySQL, or set a compatible dialect with the builder's dialect(...)");
    }

    static String checkTablePrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Table prefix '" + prefix + "' is invalid: use 1 to 30 characters of letters,"
                    + " digits and '_', not starting with a digit (e.g. \"myapp_\")");
        }
        return prefix;
    }

    /** Whether {@code DELETE ... RETURNING} is used to consume authorization states in one statement. */
    boolean deletesWithReturning() {
        return this == SQLITE || this == POSTGRESQL;
    }

    /** Whether an insert refused because the key exists failed with this exception. */
    boolean isDuplicateKey(SQLException e) {
        return switch (this) {
            case POSTGRESQL -> "23505".equals(e.getSQLState());
            case MARIADB, MYSQL -> e.getErrorCode() == 1062;
            case SQLITE -> (e.getErrorCode() & 0xff) == 19; // SQLITE_CONSTRAINT
        };
    }

    /** Whether a statement gave up waiting for a lock held by another transaction. */
    boolean isLockTimeout(SQLException e) {
        return switch (this) {
            case POSTGRESQL -> "55P03".equals(e.getSQLState());
            case MARIADB, MYSQL -> e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
            case SQLITE -> (e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6; // SQLITE_BUSY, SQLITE_LOCKED
        };
    }

    /** {@code ORDER BY} for provider then subject in the order of Java's {@code String.compareTo}, as list() promises. */
    String orderByKey() {
        return this == POSTGRESQL ? " ORDER BY provider COLLATE \"C\", subject COLLATE \"C\"" : " ORDER BY provider, subject";
    }
}
