package com.summit.workbench.domain;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The English process owners wrote for their models' texts (table {@code model_translation}); rows are only added. */
@Repository
public class TranslationRepository {

    private final JdbcClient jdbc;

    TranslationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String resourceName, long versionId, String key, String text, String author) {
        jdbc.sql("insert into model_translation (resource_name, version_id, message_key, text, author) values (:r, :v, :k, :t, :a)")
                .param("r", resourceName).param("v", versionId).param("k", key).param("t", text).param("a", author).update();
    }

    /** The newest English text of every key. */
    public Map<String, String> latest() {
        Map<String, String> texts = new HashMap<>();
        jdbc.sql("select distinct on (message_key) message_key, text from model_translation where locale = 'en' order by message_key, id desc")
                .query(rs -> {
                    texts.put(rs.getString(1), rs.getString(2));
                });
        return texts;
    }
}
