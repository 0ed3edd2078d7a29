package com.summit.workbench.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The process owners' drafts (table {@code model_draft}). */
@Repository
public class ModelDraftRepository {

    private static final String COLUMNS = "id, resource_name, author, base_version_id, content, revision, created_at, updated_at";

    private final JdbcClient jdbc;

    ModelDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ModelDraft> find(String resourceName, String author) {
        return jdbc.sql("select " + COLUMNS + " from model_draft where resource_name = :r and author = :a")
                .param("r", resourceName).param("a", author).query(this::map).optional();
    }

    /** Every draft of an author, newest first. */
    public List<ModelDraft> ofAuthor(String author) {
        return jdbc.sql("select " + COLUMNS + " from model_draft where author = :a order by updated_at desc")
                .param("a", author).query(this::map).list();
    }

    /** Who else has a draft of this model file (their usernames). */
    public List<String> otherAuthors(String resourceName, String author) {
        return jdbc.sql("select author from model_draft where resource_name = :r and author <> :a order by updated_at desc")
                .param("r", resourceName).param("a", author).query(String.class).list();
    }

    /** A first draft; empty when the author already has one of this file (a save from a stale page). */
    public Optional<ModelDraft> create(String resourceName, String author, Long baseVersionId, String content) {
        return jdbc.sql("""
                insert into model_draft (resource_name, author, base_version_id, content) values (:r, :a, :b, :c)
                on conflict (resource_name, author) do nothing returning """ + " " + COLUMNS)
                .param("r", resourceName).param("a", author).param("b", baseVersionId).param("c", content).query(this::map).optional();
    }

    /** A later save of the draft the author opened at {@code revision}; empty when it was saved since (a conflict). */
    public Optional<ModelDraft> update(String resourceName, String author, int revision, String content) {
        return jdbc.sql("""
                update model_draft set content = :c, revision = revision + 1, updated_at = now()
                 where resource_name = :r and author = :a and revision = :rev returning """ + " " + COLUMNS)
                .param("r", resourceName).param("a", author).param("rev", revision).param("c", content).query(this::map).optional();
    }

    /** Moves the draft onto another base version (after the author took in what was deployed meanwhile). */
    public boolean rebase(long id, int revision, Long baseVersionId) {
        return jdbc.sql("update model_draft set base_version_id = :b, revision = revision + 1, updated_at = now() where id = :id and revision = :rev")
                .param("id", id).param("rev", revision).param("b", baseVersionId).update() == 1;
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from model_draft where id = :id").param("id", id).update() == 1;
    }

    private ModelDraft map(ResultSet rs, int n) throws SQLException {
        return new ModelDraft(rs.getLong("id"), rs.getString("resource_name"), rs.getString("author"), (Long) rs.getObject("base_version_id"),
                rs.getString("content"), rs.getInt("revision"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
