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

/**
 * An embedded PostgreSQL 17 (zonky) whose data lives under {@code <data-dir>/postgres} and survives restarts. It
 * listens on 127.0.0.1 only and asks every connection for a password (scram-sha-256): the superuser's and the app's
 * are generated on first start and kept in {@code <data-dir>/local-credentials.properties}, readable by its
 * owner only. The app connects as {@code summit}, which owns its database and is not a superuser.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    static final String DATABASE = "summit";
    static final String APP_ROLE = "summit";
    /** The first line of the pg_hba.conf Summit writes: a cluster without it still trusts local connections. */
    static final String HBA_MARKER = "# Summit: every connection gives a password (scram-sha-256)";

    private final Path dataDirectory;
    private final int port;
    private final LocalCredentials credentials;
    private volatile EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private volatile boolean closing;
    private Thread keeper;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    /** How often the keeper looks at the server, and the waits before a restart (doubling up to the last). */
    static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    LocalPostgres(Path dataDirectory, int port, LocalCredentials credentials) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.credentials = credentials;
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
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!credentials.exists() && Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER)) {
                throw new IllegalStateException("The database in " + dataDirectory + " asks for passwords, but " + credentials.file()
                        + " is gone: restore that file, or remove the data directory to start afresh (everything in it is lost)");
            }
            credentials.load();
            postgres = server();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDirectory + ": " + e.getMessage(), e);
        }
        createDatabaseIfMissing();
        secure();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, DATABASE));
        config.setUsername(APP_ROLE);
        config.setPassword(credentials.appPassword());
        config.setMaximumPoolSize(20);
        config.setPoolName("summit-local");
        // as spring.datasource.hikari.connection-init-sql in prod: plan each query with its values
        config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        dataSource = new HikariDataSource(config);
        log.info("Embedded PostgreSQL ready on 127.0.0.1:{} ({} ms), data in {}", port,
                (System.nanoTime() - started) / 1_000_000, dataDirectory.toAbsolutePath().normalize());
        keeper = Thread.ofPlatform().name("postgres-keeper").daemon(true).start(this::keep);
    }

    private EmbeddedPostgres server() throws IOException {
        return EmbeddedPostgres.builder()
                // zonky checks readiness as the superuser: with the password once the cluster asks for one
                .setConnectConfig("password", credentials.superuserPassword())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky turns this off for tests; a commit the user was told about must survive PostgreSQL being killed
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /**
     * Watches the server; one that died (killed, crashed) is started again on the same data, after a wait that doubles
     * from 2 s to 5 min while restarts keep failing, and the log says so. The app's connection pool reconnects by itself:
     * requests in between fail with "the database is unavailable", and nothing committed is lost.
     */
    private void keep() {
        Duration wait = FIRST_WAIT;
        while (!closing) {
            try {
                Thread.sleep(WATCH_EVERY.toMillis());
                if (closing || PidFiles.liveProcess(dataDirectory.resolve("postmaster.pid"), "postgres").isPresent()) {
                    continue;
                }
                log.error("Embedded PostgreSQL on 127.0.0.1:{} has stopped; starting it again in {} s", port, wait.toSeconds());
                Thread.sleep(wait.toMillis());
                if (closing) {
                    return;
                }
                try {
                    // the dead server's handle still holds the data directory's lock: let go of it first
                    try {
                        postgres.close();
                    } catch (IOException | RuntimeException gone) {
                        log.debug("Closing the stopped PostgreSQL: {}", gone.getMessage());
                    }
                    postgres = server();
                    restarts.incrementAndGet();
                    wait = FIRST_WAIT;
                    log.info("Embedded PostgreSQL is running again on 127.0.0.1:{} (restart {})", port, restarts.get());
                } catch (IOException | RuntimeException e) {
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                    log.error("Embedded PostgreSQL did not start again ({}); next try in {} s", e.toString(), wait.toSeconds(), e);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int restarts() {
        return restarts.get();
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

    /**
     * Until pg_hba.conf is Summit's, the cluster (as initdb made it, or as an earlier version left it) trusts every
     * local connection: the roles get their passwords, the app's role owns the database and everything in it, and
     * then the cluster asks for passwords. Run on every start, so a start that died half-way is finished.
     */
    private void secure() {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            if (Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER)) {
                return;
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("alter role postgres password " + literal(credentials.superuserPassword()));
                try (var check = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                    check.setString(1, APP_ROLE);
                    if (!check.executeQuery().next()) {
                        s.execute("create role " + APP_ROLE + " login");
                    }
                }
                s.execute("alter role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication password "
                        + literal(credentials.appPassword()));
                s.execute("alter database " + DATABASE + " owner to " + APP_ROLE);
            }
            try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection(); var s = c.createStatement()) {
                // a database an earlier version filled as the superuser: its objects go to the app's role
                s.execute("""
                        do $$
                        declare r record;
                        begin
                          execute 'alter schema public owner to %1$s';
                          -- tables first: their serial and identity sequences follow them
                          for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                   where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                     and pg_get_userbyid(c.relowner) <> '%1$s'
                                     and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                                              where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')))
                                   order by c.relkind = 'S' loop
                            execute format('alter %%s public.%%I owner to %1$s',
                              case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                              r.relname);
                          end loop;
                          for r in select p.oid::regprocedure as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                   where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
                            execute format('alter routine %%s owner to %1$s', r.f);
                          end loop;
                        end $$""".formatted(APP_ROLE));
            }
            Files.writeString(hba, String.join("\n", HBA_MARKER,
                    "local   all  all                scram-sha-256",
                    "host    all  all  127.0.0.1/32  scram-sha-256",
                    "host    all  all  ::1/128       scram-sha-256", ""));
            try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL now asks for passwords; the app connects as '{}' (credentials in {})", APP_ROLE,
                    credentials.file().toAbsolutePath().normalize());
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot set password authentication on the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String literal(String password) {
        // generated from [A-Za-z0-9] only; quoted all the same
        return "'" + password.replace("'", "''") + "'";
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        closing = true;
        if (keeper != null) {
            keeper.interrupt();
        }
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
