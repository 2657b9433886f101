package dev.integrations.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.integrations.core.ConfigurationException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Connection pools for the embedded SQLite default. */
public final class SqliteDataSources {
    /** How long a writer waits for SQLite's write lock, which every write holds only briefly. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /**
     * SQLite has a single writer however many connections there are; in WAL mode readers do not
     * block it. A few connections let concurrent sessions read in parallel; refresh waiters
     * wait in process (single flight) and hold no connection between their polls.
     */
    static final int POOL_SIZE = 8;

    private SqliteDataSources() {
    }

    /**
     * A HikariCP pool over an SQLite file, creating the file (owner-only where POSIX permissions
     * exist) and its parent directories: WAL journal (readers never wait for the writer),
     * synchronous=FULL (a committed refresh survives power loss: the old refresh token is already
     * dead at the authorization server) and a busy timeout.
     *
     * @param file the database file
     * @return the pool; its owner closes it
     * @throws ConfigurationException when the file cannot be created or opened, or sqlite-jdbc or
     *     HikariCP is missing from the class path
     */
    public static HikariDataSource open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            if (!Files.exists(path)) {
                try {
                    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(path);
                    }
                } catch (FileAlreadyExistsException e) {
                    // Another process created it first: fine, SQLite shares it.
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot create the SQLite database file " + path + " (" + e.getClass().getSimpleName()
                    + "): check that the directory is writable by this process", e);
        }
        requireOnClassPath("org.sqlite.SQLiteDataSource", "org.xerial", "sqlite-jdbc", "org.xerial.sqlitejdbc");
        requireOnClassPath("com.zaxxer.hikari.HikariDataSource", "com.zaxxer", "HikariCP", "com.zaxxer.hikari");
        return Pool.open(path);
    }

    /**
     * Both libraries are optional dependencies of this module (users of PostgreSQL or MariaDB bring
     * their own pool), so say which artifact to add instead of failing with NoClassDefFoundError.
     */
    private static void requireOnClassPath(String className, String groupId, String artifactId, String moduleName) {
        try {
            Class.forName(className, false, SqliteDataSources.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("The embedded SQLite store needs " + groupId + ":" + artifactId
                    + " on the class path (it is an optional dependency of integrations-jdbc): add it to your build"
                    + " (the README lists the tested version); on the module path also resolve it as module "
                    + moduleName + " (requires " + moduleName + "; in your module-info, or --add-modules " + moduleName
                    + "), since integrations-jdbc only requires it statically. Or pass your own DataSource to the JDBC"
                    + " store builders");
        }
    }

    /** Kept in its own class so that the checks above run before SQLite or HikariCP classes are linked. */
    private static final class Pool {
        private Pool() {
        }

        static HikariDataSource open(Path path) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            SQLiteDataSource sqlite = new SQLiteDataSource(config);
            sqlite.setUrl("jdbc:sqlite:" + path);

            HikariConfig pool = new HikariConfig();
            pool.setDataSource(sqlite);
            pool.setPoolName("integrations-sqlite");
            pool.setMaximumPoolSize(POOL_SIZE);
            pool.setMinimumIdle(1);
            try {
                return new HikariDataSource(pool);
            } catch (RuntimeException e) {
                // HikariCP wraps SQLite's reason ("file is not a database", "unable to open") without the path.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new ConfigurationException("Cannot open the SQLite database " + path + ": " + cause.getMessage()
                        + ". Check that it is an SQLite file written by this SDK, readable and writable by this process,"
                        + " and not on a network file system; or point the store at another file", e);
            }
        }
    }
}
