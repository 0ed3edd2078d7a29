package com.summit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A data directory from before passwords (initdb's trust, everything owned by the superuser) is secured on the next
 * start: the app's role owns what was there and keeps working with it, and the cluster then asks for passwords.
 */
class LocalPostgresUpgradeIT {

    private final Path data = Path.of("target", "it-data", "pg-upgrade-" + ProcessHandle.current().pid()).toAbsolutePath();

    @Test
    void anOldTrustingClusterIsSecuredAndItsDataStaysTheAppsToUse() throws Exception {
        int port = free();
        Path cluster = data.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).setPort(port).start();
                Connection c = old.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database summit encoding 'UTF8' template template0");
            try (Connection db = old.getDatabase("postgres", "summit").getConnection(); var t = db.createStatement()) {
                t.execute("create table customer (id bigserial primary key, name text not null)");
                t.execute("create function customer_name_upper() returns trigger language plpgsql as $$ begin new.name = upper(new.name); return new; end $$");
                t.execute("create trigger customer_upper before insert on customer for each row execute function customer_name_upper()");
                t.execute("insert into customer (name) values ('qiming')");
            }
        }

        LocalPostgres secured = new LocalPostgres(cluster, port, new LocalCredentials(data.resolve("local-credentials.properties")));
        secured.start();
        try (Connection app = secured.dataSource().getConnection(); var s = app.createStatement()) {
            var rs = s.executeQuery("select name from customer");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("QIMING");
            s.execute("insert into customer (name) values ('huadong')");
            s.execute("alter table customer add column region text");
            var owner = s.executeQuery("select rolsuper from pg_roles where rolname = current_user");
            assertThat(owner.next()).isTrue();
            assertThat(owner.getBoolean(1)).isFalse();
        } finally {
            secured.close();
        }
        // and the next start, already secured, still lets the app in, and nobody without the password
        LocalPostgres again = new LocalPostgres(cluster, port, new LocalCredentials(data.resolve("local-credentials.properties")));
        again.start();
        try (Connection app = again.dataSource().getConnection(); var s = app.createStatement()) {
            var rs = s.executeQuery("select count(*) from customer");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/summit?user=postgres").close())
                    .isInstanceOf(SQLException.class);
        } finally {
            again.close();
        }
    }

    private static int free() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
