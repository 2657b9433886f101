/**
 * An application on the module path: it reads the SDK's modules by their names, as a JPMS user
 * would, and resolves the optional SQLite driver and pool itself.
 */
module com.example.modular {
    requires dev.integrations;
    requires dev.integrations.jdbc;
    requires dev.integrations.github.sandbox;
    // Optional dependencies of integrations-jdbc, needed by JdbcStores.sqlite(...).
    requires com.zaxxer.hikari;
    requires org.xerial.sqlitejdbc;
}
