package dev.integrations.jdbc;

import dev.integrations.jdbc.internal.SqlDialect;
import dev.integrations.jdbc.internal.Tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL flavours the JDBC stores speak. Normally detected from the connection's metadata; set
 * one explicitly with the builders' {@code dialect(...)} for a compatible database that reports
 * another product name.
 *
 * <p>Each dialect ships its schema as a plain SQL file, {@code dev/integrations/jdbc/schema/<name>.sql}
 * in this module's jar, which the stores execute themselves (so the file is the single source of
 * truth); {@link #schemaStatements(String)} returns its statements for teams that run migrations
 * with their own tool.
 *
 * <p>Each constant also carries how the stores work on its database (upserts, single-use deletes,
 * refresh-lease conflicts, error codes); that behaviour is internal and not part of this API.
 */
public enum JdbcDialect {
    /** SQLite 3.35 or later (xerial sqlite-jdbc): the embedded default. */
    SQLITE("sqlite", SqlDialect.sqlite()),
    /** PostgreSQL 11 or later. */
    POSTGRESQL("postgresql", SqlDialect.postgresql()),
    /** MariaDB 10.3 or later with InnoDB. */
    MARIADB("mariadb", SqlDialect.mariadb()),
    /** MySQL 8.0 or later with InnoDB: the MariaDB statements with MySQL's exact collation; not exercised by this project's CI. */
    MYSQL("mysql", SqlDialect.mariadb());

    /** The table prefix the shipped schema files use. */
    public static final String DEFAULT_TABLE_PREFIX = "integrations_";

    private final String fileName;
    private final SqlDialect sql;

    JdbcDialect(String fileName, SqlDialect sql) {
        this.fileName = fileName;
        this.sql = sql;
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
        String prefix = Tables.checkPrefix(tablePrefix);
        String script;
        // Class (not ClassLoader) lookup: it also finds the file once this jar is a named module,
        // where a class loader only sees resources of packages the module opens.
        try (InputStream in = JdbcDialect.class.getResourceAsStream("/" + schemaResource())) {
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

    /** This dialect's behaviour: how the stores upsert, take leases, consume rows and recognise errors here. */
    SqlDialect sql() {
        return sql;
    }
}
