package com.summit.workbench.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Migrations of running instances and their instances (tables {@code instance_migration}, {@code instance_migration_item}). */
@Repository
public class InstanceMigrationRepository {

    private static final String COLUMNS = """
            m.id, m.resource_name, m.bpmn_process_id, m.source_version, m.target_version, m.mapping::text, m.filter, m.dry_run,
            m.state, m.started_by, m.started_at, m.finished_at,
            (select count(*) from instance_migration_item i where i.migration_id = m.id),
            (select count(*) from instance_migration_item i where i.migration_id = m.id and i.outcome = 'MIGRATED'),
            (select count(*) from instance_migration_item i where i.migration_id = m.id and i.outcome = 'REFUSED')""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    InstanceMigrationRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new migration with its instances, all waiting; returns its id. */
    public long create(String resourceName, String bpmnProcessId, int sourceVersion, int targetVersion, Map<String, String> mapping,
            String filter, boolean dryRun, String by, Map<Long, Long> opportunityByInstance) {
        long id = jdbc.sql("""
                insert into instance_migration (resource_name, bpmn_process_id, source_version, target_version, mapping, filter, dry_run, started_by)
                values (:r, :p, :s, :t, cast(:m as jsonb), :f, :d, :b) returning id""")
                .param("r", resourceName).param("p", bpmnProcessId).param("s", sourceVersion).param("t", targetVersion)
                .param("m", write(mapping)).param("f", filter).param("d", dryRun).param("b", by).query(Long.class).single();
        for (var e : opportunityByInstance.entrySet()) {
            jdbc.sql("insert into instance_migration_item (migration_id, process_instance_key, opportunity_id) values (:m, :k, :o)")
                    .param("m", id).param("k", e.getKey()).param("o", e.getValue()).update();
        }
        return id;
    }

    public int recordMigrated(long migrationId, long instanceKey, int tasksMoved) {
        return jdbc.sql("""
                update instance_migration_item set outcome = 'MIGRATED', tasks_moved = :n, reason = null, at = now()
                where migration_id = :m and process_instance_key = :k and outcome <> 'MIGRATED'""")
                .param("m", migrationId).param("k", instanceKey).param("n", tasksMoved).update();
    }

    public int recordRefused(long migrationId, long instanceKey, String reason) {
        return jdbc.sql("""
                update instance_migration_item set outcome = 'REFUSED', reason = :r, at = now()
                where migration_id = :m and process_instance_key = :k and outcome = 'PENDING'""")
                .param("m", migrationId).param("k", instanceKey).param("r", reason).update();
    }

    public void finish(long migrationId) {
        jdbc.sql("update instance_migration set state = 'FINISHED', finished_at = now() where id = :m and state <> 'FINISHED'")
                .param("m", migrationId).update();
    }

    /** Migrations this replica was running when it stopped: their waiting instances wait for someone to go on. */
    public int interruptRunning() {
        return jdbc.sql("update instance_migration set state = 'INTERRUPTED' where state = 'RUNNING'").update();
    }

    public void interrupt(long migrationId) {
        jdbc.sql("update instance_migration set state = 'INTERRUPTED' where id = :m and state = 'RUNNING'").param("m", migrationId).update();
    }

    public void resume(long migrationId) {
        jdbc.sql("update instance_migration set state = 'RUNNING' where id = :m").param("m", migrationId).update();
    }

    public Optional<InstanceMigration> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from instance_migration m where m.id = :id").param("id", id).query(this::map).optional();
    }

    public List<InstanceMigration> ofResource(String resourceName, int limit) {
        return jdbc.sql("select " + COLUMNS + " from instance_migration m where m.resource_name = :r order by m.id desc limit :l")
                .param("r", resourceName).param("l", limit).query(this::map).list();
    }

    public List<InstanceMigration.Item> items(long migrationId) {
        return jdbc.sql("""
                select process_instance_key, opportunity_id, outcome, reason, tasks_moved, at from instance_migration_item
                where migration_id = :m order by outcome desc, process_instance_key""")
                .param("m", migrationId)
                .query((rs, n) -> new InstanceMigration.Item(rs.getLong(1), (Long) rs.getObject(2),
                        InstanceMigration.Outcome.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), instant(rs.getTimestamp(6))))
                .list();
    }

    public List<Long> pending(long migrationId) {
        return jdbc.sql("select process_instance_key from instance_migration_item where migration_id = :m and outcome = 'PENDING' order by process_instance_key")
                .param("m", migrationId).query(Long.class).list();
    }

    private InstanceMigration map(ResultSet rs, int row) throws SQLException {
        return new InstanceMigration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), read(rs.getString(6)),
                rs.getString(7), rs.getBoolean(8), InstanceMigration.State.valueOf(rs.getString(9)), rs.getString(10),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getInt(13), rs.getInt(14), rs.getInt(15));
    }

    private String write(Map<String, String> mapping) {
        try {
            return json.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<java.util.LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
