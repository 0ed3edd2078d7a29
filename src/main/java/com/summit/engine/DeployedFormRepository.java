package com.summit.engine;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeployedFormRepository {

    private final JdbcClient jdbc;

    DeployedFormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(DeployedForm form) {
        jdbc.sql("""
                insert into deployed_form (form_key, form_id, version, resource_name, schema_json)
                values (:key, :id, :version, :resource, cast(:schema as jsonb))
                on conflict (form_key) do nothing""")
                .param("key", form.formKey())
                .param("id", form.formId())
                .param("version", form.version())
                .param("resource", form.resourceName())
                .param("schema", form.schemaJson())
                .update();
    }

    Optional<DeployedForm> findByKey(long formKey) {
        return jdbc.sql("select form_key, form_id, version, resource_name, schema_json::text from deployed_form where form_key = :key")
                .param("key", formKey)
                .query((rs, n) -> new DeployedForm(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    Optional<DeployedForm> findLatest(String formId) {
        return jdbc.sql("""
                select form_key, form_id, version, resource_name, schema_json::text from deployed_form
                where form_id = :id order by version desc, deployed_at desc limit 1""")
                .param("id", formId)
                .query((rs, n) -> new DeployedForm(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
                .optional();
    }
}
