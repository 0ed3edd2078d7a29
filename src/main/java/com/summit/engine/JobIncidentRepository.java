package com.summit.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The failures of job workers, one row per job and engine epoch. */
@Repository
public class JobIncidentRepository {

    public enum State { RETRYING, INCIDENT, RETRIED }

    public record JobIncident(long id, String engineEpoch, long jobKey, String jobType, String bpmnProcessId, long processDefinitionKey,
            String elementId, long processInstanceKey, Long opportunityId, int retriesLeft, int failures, String errorMessage,
            State state, Instant firstFailedAt, Instant lastFailedAt, String retriedBy, Instant retriedAt) {}

    public record Failure(String engineEpoch, long jobKey, String jobType, String bpmnProcessId, long processDefinitionKey,
            String elementId, long processInstanceKey, Long opportunityId, int retriesLeft, String errorMessage) {}

    private static final String COLUMNS = """
            id, engine_epoch, job_key, job_type, bpmn_process_id, process_definition_key, element_id, process_instance_key,
            opportunity_id, retries_left, failures, error_message, state, first_failed_at, last_failed_at, retried_by, retried_at""";

    private final JdbcClient jdbc;

    JobIncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many times the job failed so far in this epoch. */
    public int failures(String engineEpoch, long jobKey) {
        return jdbc.sql("select failures from job_incident where engine_epoch = :epoch and job_key = :job")
                .param("epoch", engineEpoch).param("job", jobKey).query(Integer.class).optional().orElse(0);
    }

    /** Records one failure of a job: a new row, or one more failure on the job's row. */
    public void record(Failure f) {
        jdbc.sql("""
                insert into job_incident (engine_epoch, job_key, job_type, bpmn_process_id, process_definition_key, element_id,
                                          process_instance_key, opportunity_id, retries_left, error_message, state)
                values (:epoch, :job, :type, :process, :definition, :element, :instance, :opportunity, :retries, :error, :state)
                on conflict (engine_epoch, job_key) do update set
                    retries_left = excluded.retries_left, error_message = excluded.error_message, state = excluded.state,
                    failures = job_incident.failures + 1, last_failed_at = now()""")
                .param("epoch", f.engineEpoch()).param("job", f.jobKey()).param("type", f.jobType())
                .param("process", f.bpmnProcessId()).param("definition", f.processDefinitionKey()).param("element", f.elementId())
                .param("instance", f.processInstanceKey()).param("opportunity", f.opportunityId()).param("retries", f.retriesLeft())
                .param("error", f.errorMessage()).param("state", (f.retriesLeft() > 0 ? State.RETRYING : State.INCIDENT).name())
                .update();
    }

    /** The incidents of this engine epoch (an earlier epoch's instances are gone and were started again), newest first. */
    public List<JobIncident> incidents(String epoch, int limit) {
        return jdbc.sql("select " + COLUMNS + " from job_incident where state = 'INCIDENT' and engine_epoch = :e"
                        + " order by last_failed_at desc, id desc limit :limit")
                .param("e", epoch).param("limit", limit).query(this::map).list();
    }

    public long countIncidents(String epoch) {
        return jdbc.sql("select count(*) from job_incident where state = 'INCIDENT' and engine_epoch = :e")
                .param("e", epoch).query(Long.class).single();
    }

    /** Jobs failing now and retried by the engine with a delay, this epoch. */
    public long countRetrying(String epoch) {
        return jdbc.sql("select count(*) from job_incident where state = 'RETRYING' and engine_epoch = :e"
                        + " and last_failed_at > now() - interval '1 day'")
                .param("e", epoch).query(Long.class).single();
    }

    public Optional<JobIncident> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from job_incident where id = :id").param("id", id).query(this::map).optional();
    }

    /** Marks an incident as given back to the engine; false when it was not (or no longer) an incident. */
    public boolean markRetried(long id, String by) {
        return jdbc.sql("update job_incident set state = 'RETRIED', retried_by = :by, retried_at = now() where id = :id and state = 'INCIDENT'")
                .param("id", id).param("by", by).update() == 1;
    }

    /** Puts back an incident whose retry the engine did not take. */
    public void reopen(long id) {
        jdbc.sql("update job_incident set state = 'INCIDENT', retried_by = null, retried_at = null where id = :id and state = 'RETRIED'")
                .param("id", id).update();
    }

    private JobIncident map(ResultSet rs, int row) throws SQLException {
        return new JobIncident(rs.getLong("id"), rs.getString("engine_epoch"), rs.getLong("job_key"), rs.getString("job_type"),
                rs.getString("bpmn_process_id"), rs.getLong("process_definition_key"), rs.getString("element_id"),
                rs.getLong("process_instance_key"), (Long) rs.getObject("opportunity_id"), rs.getInt("retries_left"), rs.getInt("failures"),
                rs.getString("error_message"), State.valueOf(rs.getString("state")), rs.getTimestamp("first_failed_at").toInstant(),
                rs.getTimestamp("last_failed_at").toInstant(), rs.getString("retried_by"),
                rs.getTimestamp("retried_at") == null ? null : rs.getTimestamp("retried_at").toInstant());
    }
}
