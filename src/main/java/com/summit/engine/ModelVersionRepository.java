package com.summit.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of the model files (table {@code model_version}). */
@Repository
class ModelVersionRepository {

    private static final String COLUMNS = """
            id, resource_name, kind, model_id, model_name, version, state, origin, content, content_hash, comment, version_tag,
            author, created_at, deployed_at, deployed_by, engine_version""";

    private final JdbcClient jdbc;

    ModelVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewVersion(String resourceName, ModelVersion.Kind kind, String modelId, String modelName, ModelVersion.State state,
            ModelVersion.Origin origin, String content, String comment, String versionTag, String author) {}

    /** Inserts a version; a deployed one gets the model file's next number. A proposal of content proposed before: empty. */
    Optional<Long> insert(NewVersion v) {
        return jdbc.sql("""
                insert into model_version (resource_name, kind, model_id, model_name, version, state, origin, content, content_hash,
                                           comment, version_tag, author, deployed_at, deployed_by)
                values (:resource, :kind, :model, :name,
                        case when :state = 'DEPLOYED'
                             then (select coalesce(max(version), 0) + 1 from model_version where resource_name = :resource) end,
                        :state, :origin, :content, :hash, :comment, :tag, :author,
                        case when :state = 'DEPLOYED' then now() end, case when :state = 'DEPLOYED' then :author end)
                on conflict do nothing
                returning id""")
                .param("resource", v.resourceName()).param("kind", v.kind().name()).param("model", v.modelId())
                .param("name", v.modelName()).param("state", v.state().name()).param("origin", v.origin().name())
                .param("content", v.content()).param("hash", ModelFiles.hash(v.content())).param("comment", v.comment())
                .param("tag", v.versionTag()).param("author", v.author())
                .query(Long.class).optional();
    }

    /** Every version of a model file, oldest first. */
    List<ModelVersion> ofResource(String resourceName) {
        return jdbc.sql("select " + COLUMNS + " from model_version where resource_name = :resource order by id")
                .param("resource", resourceName).query(this::map).list();
    }

    Optional<ModelVersion> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from model_version where id = :id").param("id", id).query(this::map).optional();
    }

    /** Every deployed version of every model file, by file and number (the order the embedded engine gets them in again). */
    List<ModelVersion> deployed() {
        return jdbc.sql("select " + COLUMNS + " from model_version where state = 'DEPLOYED' order by resource_name, version")
                .query(this::map).list();
    }

    /** The latest deployed version of each model file. */
    List<ModelVersion> current() {
        return jdbc.sql("select distinct on (resource_name) " + COLUMNS
                        + " from model_version where state = 'DEPLOYED' order by resource_name, version desc")
                .query(this::map).list();
    }

    /** The latest deployed version of one model file. */
    Optional<ModelVersion> currentOf(String resourceName) {
        return jdbc.sql("select " + COLUMNS + " from model_version where resource_name = :r and state = 'DEPLOYED' order by version desc limit 1")
                .param("r", resourceName).query(this::map).optional();
    }

    /** How many proposals wait per model file. */
    java.util.Map<String, Integer> proposalsByResource() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select resource_name, count(*) from model_version where state = 'PROPOSED' group by resource_name")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** Whether a model file has a version (of any state) with this content. */
    boolean hasContent(String resourceName, String contentHash) {
        return jdbc.sql("select count(*) from model_version where resource_name = :resource and content_hash = :hash")
                .param("resource", resourceName).param("hash", contentHash).query(Long.class).single() > 0;
    }

    /** The engine's own number for a deployed version, as its last deployment answered. */
    void engineVersion(long id, int engineVersion) {
        jdbc.sql("update model_version set engine_version = :v where id = :id and engine_version is distinct from :v")
                .param("id", id).param("v", engineVersion).update();
    }

    /** A proposal with this content, if the model file has one waiting. */
    Optional<ModelVersion> proposalWithContent(String resourceName, String contentHash) {
        return jdbc.sql("select " + COLUMNS + " from model_version where resource_name = :resource and content_hash = :hash and state = 'PROPOSED'")
                .param("resource", resourceName).param("hash", contentHash).query(this::map).optional();
    }

    /** Makes a proposal the model file's next deployed version; false when it is no longer a proposal. */
    boolean markDeployed(long id, String by, int engineVersion) {
        return jdbc.sql("""
                update model_version set state = 'DEPLOYED', deployed_at = now(), deployed_by = :by, engine_version = :ev,
                       version = (select coalesce(max(v.version), 0) + 1 from model_version v where v.resource_name = model_version.resource_name)
                 where id = :id and state = 'PROPOSED'""")
                .param("id", id).param("by", by).param("ev", engineVersion).update() == 1;
    }

    /** Ends a proposal that will not be deployed; false when it is no longer a proposal. */
    boolean markRejected(long id) {
        return jdbc.sql("update model_version set state = 'REJECTED' where id = :id and state = 'PROPOSED'").param("id", id).update() == 1;
    }

    /** The highest number a model file's versions have (0 for a new file). */
    int lastNumber(String resourceName) {
        return jdbc.sql("select coalesce(max(version), 0) from model_version where resource_name = :resource")
                .param("resource", resourceName).query(Integer.class).single();
    }

    private ModelVersion map(ResultSet rs, int n) throws SQLException {
        return new ModelVersion(rs.getLong("id"), rs.getString("resource_name"), ModelVersion.Kind.valueOf(rs.getString("kind")),
                rs.getString("model_id"), rs.getString("model_name"), (Integer) rs.getObject("version"),
                ModelVersion.State.valueOf(rs.getString("state")), ModelVersion.Origin.valueOf(rs.getString("origin")),
                rs.getString("content"), rs.getString("content_hash"), rs.getString("comment"), rs.getString("version_tag"),
                rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("deployed_at") == null ? null : rs.getTimestamp("deployed_at").toInstant(), rs.getString("deployed_by"),
                (Integer) rs.getObject("engine_version"));
    }
}
