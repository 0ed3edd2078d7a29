package com.summit.workbench.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workbench's audit trail (table {@code workbench_audit}): rows are only added. */
@Repository
public class WorkbenchAuditRepository {

    private static final String COLUMNS = "id, at, actor, action, resource_name, version_id, request_id, detail";

    private final JdbcClient jdbc;

    WorkbenchAuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String actor, AuditEntry.Action action, String resourceName, Long versionId, Long requestId, String detail) {
        jdbc.sql("insert into workbench_audit (actor, action, resource_name, version_id, request_id, detail) values (:a, :ac, :r, :v, :q, :d)")
                .param("a", actor).param("ac", action.name()).param("r", resourceName).param("v", versionId).param("q", requestId)
                .param("d", detail).update();
    }

    /** The newest entries, of one model file or (null) of all; at most {@code limit}. */
    public List<AuditEntry> latest(String resourceName, int limit) {
        return jdbc.sql("select " + COLUMNS + " from workbench_audit where (cast(:r as varchar) is null or resource_name = :r) order by id desc limit :l")
                .param("r", resourceName).param("l", limit).query(this::map).list();
    }

    /** Every entry of one request, oldest first. */
    public List<AuditEntry> ofRequest(long requestId) {
        return jdbc.sql("select " + COLUMNS + " from workbench_audit where request_id = :q order by id").param("q", requestId).query(this::map).list();
    }

    private AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                AuditEntry.Action.valueOf(rs.getString("action")), rs.getString("resource_name"), (Long) rs.getObject("version_id"),
                (Long) rs.getObject("request_id"), rs.getString("detail"));
    }
}
