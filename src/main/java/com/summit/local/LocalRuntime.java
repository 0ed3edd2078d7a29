package com.summit.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts local mode's embedded parts: leftovers of a killed run are stopped first, then every port is
 * checked at once, then Elasticsearch (in the background), PostgreSQL and the engine start.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);

    private final int serverPort;
    private final LocalCredentials credentials;
    private final java.nio.file.Path dataDir;
    private final LocalPostgres postgres;
    private final EmbeddedZeebe zeebe;
    private final LocalElasticsearch elasticsearch;

    LocalRuntime(LocalProperties properties, int serverPort, Duration engineStartupTimeout) {
        this.serverPort = serverPort;
        this.dataDir = properties.dataDir();
        this.credentials = new LocalCredentials(properties.dataDir().resolve("local-credentials.properties"));
        this.postgres = new LocalPostgres(properties.dataDir().resolve("postgres"), properties.postgres().port(), credentials);
        this.zeebe = new EmbeddedZeebe(properties.zeebe().port(), engineStartupTimeout);
        this.elasticsearch = properties.elasticsearch().enabled()
                ? new LocalElasticsearch(properties.dataDir(), properties.elasticsearch(), credentials)
                : null;
    }

    void start() {
        long started = System.nanoTime();
        ownerOnly(dataDir);
        credentials.load();
        postgres.stopLeftover();
        if (elasticsearch != null) {
            elasticsearch.stopLeftover();
        }
        Ports.requireFree(serverPort, "Summit web server", "server.port");
        zeebe.checkPort();
        postgres.checkPort();
        if (elasticsearch != null) {
            elasticsearch.checkPorts();
            elasticsearch.start();
        }
        // The engine's threads inherit the starting thread's context class loader, and its DMN engine finds its FEEL
        // value mapper through it (ServiceLoader). A pool thread has the system class loader, which cannot see the
        // jars inside summit.jar: DMN results would come back unmapped. So the engine starts on a thread of our own.
        ClassLoader app = LocalRuntime.class.getClassLoader();
        CompletableFuture<Void> engine = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                zeebe.start();
                engine.complete(null);
            } catch (RuntimeException | Error e) {
                engine.completeExceptionally(e);
            }
        }, "embedded-zeebe-start");
        starter.setContextClassLoader(app);
        starter.setDaemon(true);
        starter.start();
        try {
            postgres.start();
            engine.join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Local mode: embedded parts ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    DataSource dataSource() {
        return postgres.dataSource();
    }

    /** The user and password the app's Elasticsearch client signs in with (null when it is not started here). */
    String elasticsearchUser() {
        return elasticsearch == null ? null : LocalElasticsearch.APP_USER;
    }

    String elasticsearchPassword() {
        return elasticsearch == null ? null : credentials.elasticsearchPassword();
    }

    /** True when the local Elasticsearch answers (it starts in the background). */
    public boolean isElasticsearchReady() {
        return elasticsearch != null && elasticsearch.isReady();
    }

    /** The embedded engine, for tests that move its clock. */
    public io.camunda.zeebe.process.test.api.ZeebeTestEngine engine() {
        return zeebe.engine();
    }

    /**
     * The embedded engine's records so far, to read by index up to the size they have now: the list only grows, and
     * another thread's read appends to it meanwhile, which an iterator would answer with a ConcurrentModificationException.
     */
    List<io.camunda.zeebe.protocol.record.Record<?>> records() {
        Iterable<io.camunda.zeebe.protocol.record.Record<?>> records = engine().getRecordStreamSource().getRecords();
        if (records instanceof List<io.camunda.zeebe.protocol.record.Record<?>> list) {
            return list;
        }
        List<io.camunda.zeebe.protocol.record.Record<?>> copy = new java.util.ArrayList<>();
        records.forEach(copy::add);
        return copy;
    }

    @Override
    public void close() {
        safely(zeebe::close);
        safely(postgres::close);
        if (elasticsearch != null) {
            safely(elasticsearch::close);
        }
    }

    /**
     * The data directory (database, search index, passwords) lists its contents to its owner only; others may pass
     * through it (Elasticsearch's own account, to its directories, which are its alone).
     */
    private static void ownerOnly(java.nio.file.Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot make " + dir + " its owner's only: " + e.getMessage(), e);
        }
    }

    private static void safely(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Stopping an embedded part failed: {}", e.getMessage());
        }
    }
}
