package com.summit.opportunity.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GateRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    GateRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an evaluation once per job ({@code job}: engine epoch and job key; null for one made outside a process). */
    public void save(long opportunityId, GateResult result, String job) {
        jdbc.sql("""
                insert into gate_evaluation (opportunity_id, stage, passed, unmet, job) values (:o, :s, :p, cast(:u as jsonb), :job)
                on conflict (job) do nothing""")
                .param("o", opportunityId).param("s", result.stage().name()).param("p", result.passed())
                .param("u", write(result.unmet())).param("job", job).update();
    }

    /** The evaluation a job made before (the same job handed out again). */
    public Optional<GateResult> byJob(String job) {
        return jdbc.sql("select stage, passed, unmet::text, evaluated_at from gate_evaluation where job = :job")
                .param("job", job)
                .query((rs, n) -> new GateResult(Stage.valueOf(rs.getString(1)), rs.getBoolean(2), read(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The first evaluation of the deal made at or after {@code since} (the answer to a request to advance). */
    public Optional<GateResult> firstSince(long opportunityId, java.time.Instant since) {
        return jdbc.sql("select stage, passed, unmet::text, evaluated_at from gate_evaluation where opportunity_id = :o and evaluated_at >= :since"
                        + " order by id limit 1")
                .param("o", opportunityId).param("since", java.sql.Timestamp.from(since))
                .query((rs, n) -> new GateResult(Stage.valueOf(rs.getString(1)), rs.getBoolean(2), read(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Every evaluation of the deal, oldest first (the timeline). */
    public List<GateResult> all(long opportunityId) {
        return jdbc.sql("select stage, passed, unmet::text, evaluated_at from gate_evaluation where opportunity_id = :o order by id")
                .param("o", opportunityId)
                .query((rs, n) -> new GateResult(Stage.valueOf(rs.getString(1)), rs.getBoolean(2), read(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Optional<GateResult> latest(long opportunityId) {
        return jdbc.sql("select stage, passed, unmet::text, evaluated_at from gate_evaluation where opportunity_id = :o order by id desc limit 1")
                .param("o", opportunityId)
                .query((rs, n) -> new GateResult(Stage.valueOf(rs.getString(1)), rs.getBoolean(2), read(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    private String write(List<GateResult.Unmet> unmet) {
        try {
            return json.writeValueAsString(unmet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<GateResult.Unmet> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<GateResult.Unmet>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
