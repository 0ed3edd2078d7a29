package com.summit.workbench.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests to deploy a proposal (table {@code model_change_request}) and each model's four-eyes setting. */
@Repository
public class ChangeRequestRepository {

    private static final String COLUMNS = """
            id, resource_name, proposal_id, base_version_id, kind, requested_by, requested_at, comment, version_tag, four_eyes,
            warnings_acknowledged, state, decided_by, decided_at, decision_note, deployed_version_id, last_failure""";

    private final JdbcClient jdbc;

    ChangeRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRequest(String resourceName, long proposalId, Long baseVersionId, ChangeRequest.Kind kind, String requestedBy,
            String comment, String versionTag, boolean fourEyes, boolean warningsAcknowledged) {}

    /** A new request; empty when the model file already has an open one (the unique index says so). */
    public Optional<ChangeRequest> insert(NewRequest r) {
        return jdbc.sql("""
                insert into model_change_request (resource_name, proposal_id, base_version_id, kind, requested_by, comment, version_tag,
                                                  four_eyes, warnings_acknowledged, state, decided_by, decided_at, decision_note)
                values (:res, :p, :b, :k, :by, :c, :t, :f, :w,
                        case when :f then 'REQUESTED' else 'APPROVED' end,
                        case when :f then null else :by end, case when :f then null else now() end, null)
                on conflict do nothing returning """ + " " + COLUMNS)
                .param("res", r.resourceName()).param("p", r.proposalId()).param("b", r.baseVersionId()).param("k", r.kind().name())
                .param("by", r.requestedBy()).param("c", r.comment()).param("t", r.versionTag()).param("f", r.fourEyes())
                .param("w", r.warningsAcknowledged())
                .query(this::map).optional();
    }

    public Optional<ChangeRequest> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from model_change_request where id = :id").param("id", id).query(this::map).optional();
    }

    /** The model file's open request (requested or approved), if any. */
    public Optional<ChangeRequest> open(String resourceName) {
        return jdbc.sql("select " + COLUMNS + " from model_change_request where resource_name = :r and state in ('REQUESTED', 'APPROVED')")
                .param("r", resourceName).query(this::map).optional();
    }

    /** A model file's requests, newest first (all files when null); at most {@code limit}. */
    public List<ChangeRequest> latest(String resourceName, int limit) {
        return jdbc.sql("select " + COLUMNS + " from model_change_request where (cast(:r as varchar) is null or resource_name = :r) order by id desc limit :l")
                .param("r", resourceName).param("l", limit).query(this::map).list();
    }

    /** Records the second person's decision on a request that waits for it; false when it was decided before. */
    public boolean decide(long id, boolean approved, String by, String note) {
        return jdbc.sql("""
                update model_change_request set state = :s, decided_by = :by, decided_at = now(), decision_note = :n
                 where id = :id and state = 'REQUESTED' and requested_by <> :by""")
                .param("id", id).param("s", approved ? "APPROVED" : "REJECTED").param("by", by).param("n", note).update() == 1;
    }

    /** Ends an approved request with the version its deployment made. */
    public boolean deployed(long id, long versionId) {
        return jdbc.sql("update model_change_request set state = 'DEPLOYED', deployed_version_id = :v, last_failure = null where id = :id and state = 'APPROVED'")
                .param("id", id).param("v", versionId).update() == 1;
    }

    /** Keeps the engine's last refusal of the request's deployment (the request stays approved). */
    public void failed(long id, String failure) {
        jdbc.sql("update model_change_request set last_failure = :f where id = :id").param("id", id).param("f", failure).update();
    }

    public boolean withdraw(long id) {
        return jdbc.sql("update model_change_request set state = 'WITHDRAWN' where id = :id and state in ('REQUESTED', 'APPROVED')")
                .param("id", id).update() == 1;
    }

    /** A request waiting for its review, with no review instance on this engine yet (older than the grace). */
    public List<ChangeRequest> awaitingReviewInstance(String epoch, Duration olderThan) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from model_change_request where state = 'REQUESTED' and four_eyes
                   and (review_instance is null or review_epoch is distinct from :e)
                   and requested_at <= now() - make_interval(secs => :s) order by id""")
                .param("e", epoch).param("s", olderThan.toSeconds()).query(this::map).list();
    }

    /** Ties a review instance to its request unless it has a live one: true when it is (now) this one. */
    public boolean claimReview(long id, long instance, String epoch) {
        jdbc.sql("""
                update model_change_request set review_instance = :i, review_epoch = :e
                 where id = :id and (review_instance is null or review_epoch is distinct from :e)""")
                .param("id", id).param("i", instance).param("e", epoch).update();
        return jdbc.sql("select count(*) from model_change_request where id = :id and review_instance = :i and review_epoch = :e")
                .param("id", id).param("i", instance).param("e", epoch).query(Long.class).single() > 0;
    }

    /** The request an instance of the review runs for. */
    public Optional<ChangeRequest> byReviewInstance(long instance) {
        return jdbc.sql("select " + COLUMNS + " from model_change_request where review_instance = :i").param("i", instance).query(this::map).optional();
    }

    /** The request's review instance on this engine, if it has one. */
    public Optional<Long> reviewInstance(long id, String epoch) {
        return jdbc.sql("select review_instance from model_change_request where id = :id and review_epoch = :e and review_instance is not null")
                .param("id", id).param("e", epoch).query(Long.class).optional();
    }

    /** Whether the model file asks for a second person's approval; empty when nobody set it (the default applies). */
    public Optional<Boolean> fourEyes(String resourceName) {
        return jdbc.sql("select four_eyes from model_setting where resource_name = :r").param("r", resourceName).query(Boolean.class).optional();
    }

    public void setFourEyes(String resourceName, boolean fourEyes, String by) {
        jdbc.sql("""
                insert into model_setting (resource_name, four_eyes, updated_by) values (:r, :f, :by)
                on conflict (resource_name) do update set four_eyes = :f, updated_by = :by, updated_at = now()""")
                .param("r", resourceName).param("f", fourEyes).param("by", by).update();
    }

    private ChangeRequest map(ResultSet rs, int n) throws SQLException {
        return new ChangeRequest(rs.getLong("id"), rs.getString("resource_name"), rs.getLong("proposal_id"), (Long) rs.getObject("base_version_id"),
                ChangeRequest.Kind.valueOf(rs.getString("kind")), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("comment"), rs.getString("version_tag"), rs.getBoolean("four_eyes"), rs.getBoolean("warnings_acknowledged"),
                ChangeRequest.State.valueOf(rs.getString("state")), rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("decision_note"),
                (Long) rs.getObject("deployed_version_id"), rs.getString("last_failure"));
    }
}
