package com.summit.opportunity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ScorecardRepository {

    private static final String CHANGE_COLUMNS = """
            id, opportunity_id, element_code, from_level, to_level, evidence_kind, evidence_text, evidence_link,
            evidence_file_name, changed_by, changed_at, status, verified_by, verified_at, verdict_reason, follow_up_id""";

    private final JdbcClient jdbc;

    ScorecardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The five ladders in their order, each with its checkpoints 0–6. */
    public List<Ladder> ladders() {
        Map<String, List<Ladder.Checkpoint>> checkpoints = new LinkedHashMap<>();
        jdbc.sql("select element_code, level, label_zh, label_en from scorecard_checkpoint order by element_code, level")
                .query(rs -> {
                    checkpoints.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Ladder.Checkpoint(rs.getInt(2), rs.getString(3), rs.getString(4)));
                });
        return jdbc.sql("select code, name_zh, name_en, question_zh, question_en, verify_from_level from scorecard_element order by position")
                .query((rs, n) -> new Ladder(ScoreElement.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), checkpoints.getOrDefault(rs.getString(1), List.of())))
                .list();
    }

    public int updateCheckpoint(ScoreElement element, int level, String labelZh, String labelEn) {
        return jdbc.sql("update scorecard_checkpoint set label_zh = :zh, label_en = :en where element_code = :e and level = :l")
                .param("e", element.name()).param("l", level).param("zh", labelZh).param("en", labelEn).update();
    }

    public int updateVerifyFrom(ScoreElement element, Integer level) {
        return jdbc.sql("update scorecard_element set verify_from_level = :l where code = :e")
                .param("e", element.name()).param("l", level).update();
    }

    /** The current level of every element (0 where nothing was claimed yet). */
    public Map<ScoreElement, Integer> levels(long opportunityId) {
        Map<ScoreElement, Integer> levels = new EnumMap<>(ScoreElement.class);
        for (ScoreElement e : ScoreElement.values()) {
            levels.put(e, 0);
        }
        jdbc.sql("select element_code, level from opportunity_score where opportunity_id = :o").param("o", opportunityId)
                .query(rs -> {
                    levels.put(ScoreElement.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return levels;
    }

    /**
     * The levels the gates read, of many opportunities in two statements: each element's current level (0 where nothing
     * was claimed), a claim awaiting its verdict counting as the level it started from.
     */
    public Map<Long, Map<ScoreElement, Integer>> verifiedLevels(java.util.Collection<Long> opportunityIds) {
        Map<Long, Map<ScoreElement, Integer>> levels = new java.util.HashMap<>();
        Long[] ids = opportunityIds.toArray(Long[]::new);
        for (Long id : ids) {
            Map<ScoreElement, Integer> none = new EnumMap<>(ScoreElement.class);
            for (ScoreElement e : ScoreElement.values()) {
                none.put(e, 0);
            }
            levels.put(id, none);
        }
        jdbc.sql("select opportunity_id, element_code, level from opportunity_score where opportunity_id = any(:ids)").param("ids", ids)
                .query(rs -> {
                    levels.get(rs.getLong(1)).put(ScoreElement.valueOf(rs.getString(2)), rs.getInt(3));
                });
        jdbc.sql("select opportunity_id, element_code, from_level from score_change where status = 'PENDING' and opportunity_id = any(:ids)")
                .param("ids", ids).query(rs -> {
                    levels.get(rs.getLong(1)).put(ScoreElement.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return levels;
    }

    /** Locks the opportunity's scores for a change (one change of a scorecard at a time). */
    public void lock(long opportunityId) {
        jdbc.sql("select id from opportunity where id = :o for update").param("o", opportunityId).query(Long.class).optional();
    }

    public void setLevel(long opportunityId, ScoreElement element, int level, String by) {
        jdbc.sql("""
                insert into opportunity_score (opportunity_id, element_code, level, changed_at, changed_by)
                values (:o, :e, :l, now(), :by)
                on conflict (opportunity_id, element_code) do update set level = :l, changed_at = now(), changed_by = :by""")
                .param("o", opportunityId).param("e", element.name()).param("l", level).param("by", by).update();
    }

    public long addChange(long opportunityId, ScoreElement element, int from, int to, ScoreChange.EvidenceKind kind, String text,
            String link, String fileName, String fileType, byte[] file, Long followUpId, String by, ScoreChange.Status status) {
        return jdbc.sql("""
                insert into score_change (opportunity_id, element_code, from_level, to_level, evidence_kind, evidence_text,
                    evidence_link, evidence_file_name, evidence_file_type, evidence_file, follow_up_id, changed_by, status)
                values (:o, :e, :from, :to, :kind, :text, :link, :fileName, :fileType, :file, :followUp, :by, :status) returning id""")
                .param("o", opportunityId).param("e", element.name()).param("from", from).param("to", to)
                .param("kind", kind.name()).param("text", text).param("link", link).param("fileName", fileName)
                .param("fileType", fileType).param("file", file).param("followUp", followUpId).param("by", by).param("status", status.name())
                .query(Long.class).single();
    }

    public List<ScoreChange> changes(long opportunityId) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from score_change where opportunity_id = :o order by id")
                .param("o", opportunityId).query(this::mapChange).list();
    }

    public Optional<ScoreChange> change(long id) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from score_change where id = :id").param("id", id).query(this::mapChange).optional();
    }

    public Optional<ScoreChange> pending(long opportunityId, ScoreElement element) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from score_change where opportunity_id = :o and element_code = :e and status = 'PENDING'")
                .param("o", opportunityId).param("e", element.name()).query(this::mapChange).optional();
    }

    /** Records the manager's verdict on a pending change; 0 when it was decided before. */
    public int decide(long changeId, ScoreChange.Status status, String by, String reason) {
        return jdbc.sql("""
                update score_change set status = :s, verified_by = :by, verified_at = now(), verdict_reason = :r
                where id = :id and status = 'PENDING'""")
                .param("id", changeId).param("s", status.name()).param("by", by).param("r", reason).update();
    }

    /**
     * Ties a verification instance to its claim unless the claim already has a live one (same rule as a deal's
     * lifecycle): true when the claim is (now) verified by this instance.
     */
    public boolean claimVerification(long changeId, long instance, String epoch) {
        jdbc.sql("""
                update score_change set verification_instance = :i, verification_epoch = :e
                 where id = :id and (verification_instance is null or verification_epoch is distinct from :e)""")
                .param("id", changeId).param("i", instance).param("e", epoch).update();
        return verifiedBy(changeId, instance, epoch);
    }

    public boolean verifiedBy(long changeId, long instance, String epoch) {
        return jdbc.sql("select count(*) from score_change where id = :id and verification_instance = :i and verification_epoch = :e")
                .param("id", changeId).param("i", instance).param("e", epoch).query(Long.class).single() > 0;
    }

    /**
     * Pending claims, made before {@code olderThan} ago, whose verification does not run on this engine epoch: it ran
     * on an earlier one, or its start did not reach the engine.
     */
    public List<ScoreChange> pendingWithoutVerification(String epoch, java.time.Duration olderThan) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from score_change where status = 'PENDING'"
                        + " and (verification_instance is null or verification_epoch is distinct from :e)"
                        + " and changed_at <= now() - make_interval(secs => :s) order by id")
                .param("e", epoch).param("s", olderThan.toSeconds()).query(this::mapChange).list();
    }

    public List<VetoHolder> vetoHolders(long opportunityId) {
        Map<String, VetoHolder> holders = new LinkedHashMap<>();
        VetoHolder.DEFAULT_DEPARTMENTS.forEach(d -> holders.put(d, new VetoHolder(d, VetoHolder.Status.UNKNOWN, null, null, null)));
        jdbc.sql("select department, status, note, changed_by, changed_at from veto_holder where opportunity_id = :o order by department")
                .param("o", opportunityId)
                .query(rs -> {
                    holders.put(rs.getString(1), new VetoHolder(rs.getString(1), VetoHolder.Status.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                });
        return List.copyOf(holders.values());
    }

    public void setVetoHolder(long opportunityId, String department, VetoHolder.Status status, String note, String by) {
        jdbc.sql("""
                insert into veto_holder (opportunity_id, department, status, note, changed_by, changed_at)
                values (:o, :d, :s, :n, :by, now())
                on conflict (opportunity_id, department) do update set status = :s, note = :n, changed_by = :by, changed_at = now()""")
                .param("o", opportunityId).param("d", department).param("s", status.name()).param("n", note).param("by", by).update();
    }

    private ScoreChange mapChange(ResultSet rs, int row) throws SQLException {
        Timestamp verifiedAt = rs.getTimestamp(14);
        return new ScoreChange(rs.getLong(1), rs.getLong(2), ScoreElement.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5),
                ScoreChange.EvidenceKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant(), ScoreChange.Status.valueOf(rs.getString(12)), rs.getString(13),
                verifiedAt == null ? null : verifiedAt.toInstant(), rs.getString(15), rs.getObject(16, Long.class));
    }
}
