package com.summit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database of the query benchmarks: an embedded PostgreSQL 17 with the real schema (Flyway), pooled like the
 * app with the app's connection settings (custom plans per query).
 */
public record BenchDatabase(EmbeddedPostgres postgres, HikariDataSource dataSource, JdbcClient jdbc) implements AutoCloseable {

    public static BenchDatabase start(String name) throws IOException {
        Path dir = Path.of("target", "bench", name + "-" + ProcessHandle.current().pid());
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "16MB").start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setConnectionInitSql("set plan_cache_mode = " + System.getProperty("bench.planCacheMode", "force_custom_plan"));
        HikariDataSource ds = new HikariDataSource(config);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new BenchDatabase(pg, ds, JdbcClient.create(ds));
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        postgres.close();
    }
}
