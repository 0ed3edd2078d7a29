package com.summit.tasklist.domain;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "This task became someone's work", told to every replica of Summit through PostgreSQL's LISTEN/NOTIFY.
 *
 * {@link #publish} sends a notification inside the caller's transaction: PostgreSQL delivers it only when that
 * transaction commits, and never when it rolls back. Every replica (this one too) holds one connection of its
 * own that LISTENs on the channel and hands each task id to its subscribers, so an inbox open on any replica
 * shows the task without a reload. If that connection breaks, it is opened again; what was sent meanwhile is
 * seen on the inbox's next refresh.
 */
@Component
public class TaskAvailabilityChannel implements SmartLifecycle {

    static final String CHANNEL = "summit_task_available";
    private static final long CHECK_EVERY_NANOS = 30_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(TaskAvailabilityChannel.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Set<LongConsumer> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread listener;

    TaskAvailabilityChannel(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Tells every replica, once the current transaction commits, that the task is available. */
    public void publish(long taskId) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', :id)").param("id", Long.toString(taskId)).query(rs -> { });
    }

    public Runnable subscribe(LongConsumer subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "task-availability-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = openOwnConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                backoff = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                long nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                    // a connection dropped silently (a firewall, a failover) only shows when used
                    if (System.nanoTime() > nextCheck) {
                        try (Statement check = connection.createStatement()) {
                            check.setQueryTimeout(10);
                            check.execute("select 1");
                        }
                        nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten *");
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for new tasks failed ({}); trying again in {} ms", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    private void deliver(String payload) {
        long taskId;
        try {
            taskId = Long.parseLong(payload);
        } catch (NumberFormatException e) {
            log.warn("Ignoring a task notification that is not a task id: {}", payload);
            return;
        }
        for (LongConsumer subscriber : subscribers) {
            try {
                subscriber.accept(taskId);
            } catch (RuntimeException e) {
                log.warn("A subscriber failed on task {}", taskId, e);
            }
        }
    }

    /**
     * A connection outside the pool, with the pool's own settings (URL, user, driver properties such as SSL):
     * it is held for as long as the app runs, and TCP keep-alive is on.
     */
    private Connection openOwnConnection() throws SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("ApplicationName", "summit-task-listener");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        // any other pool: borrow one connection for good (it stops listening before it goes back)
        return dataSource.getConnection();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
