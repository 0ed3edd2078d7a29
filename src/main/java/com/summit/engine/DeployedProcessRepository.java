package com.summit.engine;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeployedProcessRepository {

    private final JdbcClient jdbc;

    DeployedProcessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(long key, String bpmnProcessId, int version, String resourceName, String xml) {
        jdbc.sql("""
                insert into deployed_process (process_definition_key, bpmn_process_id, version, resource_name, bpmn_xml)
                values (:key, :id, :version, :resource, :xml) on conflict (process_definition_key) do nothing""")
                .param("key", key).param("id", bpmnProcessId).param("version", version)
                .param("resource", resourceName).param("xml", xml)
                .update();
    }

    Optional<String> xml(long processDefinitionKey) {
        return jdbc.sql("select bpmn_xml from deployed_process where process_definition_key = :key")
                .param("key", processDefinitionKey).query(String.class).optional();
    }

    /** Each process id's latest definition key, without its XML. */
    java.util.Map<String, Long> latestKeyById() {
        java.util.Map<String, Long> result = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (bpmn_process_id) bpmn_process_id, process_definition_key from deployed_process
                order by bpmn_process_id, version desc, deployed_at desc""")
                .query(rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }

    /** The definition key of a version now: the latest deployment of that number (the embedded engine's keys change on restart). */
    Optional<Long> keyOf(String bpmnProcessId, int version) {
        return jdbc.sql("""
                select process_definition_key from deployed_process where bpmn_process_id = :id and version = :v
                order by deployed_at desc limit 1""")
                .param("id", bpmnProcessId).param("v", version).query(Long.class).optional();
    }

    Optional<String> latestXml(String bpmnProcessId) {
        return jdbc.sql("select bpmn_xml from deployed_process where bpmn_process_id = :id order by version desc, deployed_at desc limit 1")
                .param("id", bpmnProcessId).query(String.class).optional();
    }
}
