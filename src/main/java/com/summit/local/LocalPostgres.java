package com.summit.local;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded PostgreSQL 17 (zonky) whose data lives under {@code <data-dir>/postgres} and survives restarts. */
final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    static final String DATABASE = "summit";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;

    LocalPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    void stopLeftover() {
        PidFiles.liveProcess(dataDirectory.resolve("postmaster.pid"), "postgres")
                .ifPresent(p -> PidFiles.stop(p, "PostgreSQL", Duration.ofSeconds(20)));
    }

    void checkPort() {
        Ports.requireFree(port, "embedded PostgreSQL", "summit.local.postgres.port");
    }

    void start() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
        }
        createDatabaseIfMissing();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("summit-local");
        // as spring.datasource.hikari.connection-init-sql in prod: plan each query with its values
        config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        dataSource = new HikariDataSource(config);
        log.info("Embedded PostgreSQL ready on 127.0.0.1:{} ({} ms), data in {}", port,
                (System.nanoTime() - started) / 1_000_000, dataDirectory.toAbsolutePath().normalize());
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            if (!check.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
