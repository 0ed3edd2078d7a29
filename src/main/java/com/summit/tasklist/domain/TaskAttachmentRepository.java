package com.summit.tasklist.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TaskAttachmentRepository {

    private static final String COLUMNS = """
            a.id, a.task_id, t.name, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_by, a.uploaded_at""";

    private final JdbcClient jdbc;

    TaskAttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(HumanTask task, String fileName, String contentType, byte[] content, String sha256, String uploadedBy) {
        return jdbc.sql("""
                insert into task_attachment (task_id, process_instance_key, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (:task, :pi, :name, :type, :size, :sha, :content, :by) returning id""")
                .param("task", task.id()).param("pi", task.processInstanceKey()).param("name", fileName)
                .param("type", contentType).param("size", content.length).param("sha", sha256).param("content", content)
                .param("by", uploadedBy)
                .query(Long.class).single();
    }

    /**
     * The files of the task's case, oldest first: of every task of its instance (instance keys repeat across engine
     * epochs) and, for a deal's task, of every task of that deal, so that a reviewer sees the solution document.
     */
    public List<TaskAttachment> ofInstance(HumanTask task) {
        if (task.opportunityId() != null) {
            return jdbc.sql("select " + COLUMNS + """
                     from task_attachment a join human_task t on t.id = a.task_id
                    where a.removed_at is null
                      and ((a.process_instance_key = :pi and t.engine_epoch = :epoch) or t.opportunity_id = :o) order by a.id""")
                    .param("pi", task.processInstanceKey()).param("epoch", task.engineEpoch()).param("o", task.opportunityId())
                    .query(this::map).list();
        }
        return jdbc.sql("select " + COLUMNS + """
                 from task_attachment a join human_task t on t.id = a.task_id
                where a.process_instance_key = :pi and t.engine_epoch = :epoch and a.removed_at is null order by a.id""")
                .param("pi", task.processInstanceKey()).param("epoch", task.engineEpoch())
                .query(this::map).list();
    }

    public Optional<TaskAttachment> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from task_attachment a join human_task t on t.id = a.task_id where a.id = :id and a.removed_at is null")
                .param("id", id).query(this::map).optional();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from task_attachment where id = :id").param("id", id).query(byte[].class).single();
    }

    /** Takes a file off the case; the row stays for the audit trail. 0 when it was removed before. */
    public int markRemoved(long id, String username) {
        return jdbc.sql("update task_attachment set removed_by = :u, removed_at = now() where id = :id and removed_at is null")
                .param("id", id).param("u", username).update();
    }

    private TaskAttachment map(ResultSet rs, int row) throws SQLException {
        return new TaskAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
