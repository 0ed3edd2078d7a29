package com.summit.workbench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.UserFacingException;
import com.summit.base.i18n.Messages;
import com.summit.base.i18n.TranslationSource;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import com.summit.workbench.domain.AuditEntry;
import com.summit.workbench.domain.TranslationRepository;
import com.summit.workbench.domain.WorkbenchAuditRepository;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * English for the texts of a model: the workbench lists a version's process name, the names of its steps, stages and
 * waits, and its form texts, with the English the app shows for each (from its bundles, or written here before), and
 * keeps what the owner writes with the version. The inbox, task pages and forms read it through {@link Messages}, after the bundles.
 */
@Service
public class ModelTranslations implements TranslationSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TranslationRepository translations;
    private final ModelStore models;
    private final Messages messages;
    private final WorkbenchAuditRepository audit;
    private final TransactionTemplate transactions;
    private volatile Map<String, String> english;

    ModelTranslations(TranslationRepository translations, ModelStore models, Messages messages, WorkbenchAuditRepository audit,
            TransactionTemplate transactions) {
        this.translations = translations;
        this.models = models;
        this.messages = messages;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** One text of a model: its key, the model's own (Chinese) text, and the English shown now (null: none yet). */
    public record Text(String key, String original, String english) {

        public boolean missing() {
            return english == null || english.isBlank();
        }
    }

    @Override
    public Optional<String> find(String key, Locale locale) {
        if (!key.startsWith("bpmn.") && !key.startsWith("form.")) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache().get(key));
    }

    private Map<String, String> cache() {
        Map<String, String> c = english;
        if (c == null) {
            c = translations.latest();
            english = c;
        }
        return c;
    }

    /** Other replicas' writes arrive within a minute. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void reload() {
        english = translations.latest();
    }

    /** The texts of a version of a model with their English, the missing ones first. */
    public List<Text> texts(long versionId, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelVersion v = models.version(versionId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchVersion"));
        List<Text> texts = new ArrayList<>();
        for (Map.Entry<String, String> e : originals(v).entrySet()) {
            texts.add(new Text(e.getKey(), e.getValue(), messages.find(e.getKey(), Locale.ENGLISH).orElse(null)));
        }
        texts.sort(java.util.Comparator.comparing((Text t) -> !t.missing()));
        return texts;
    }

    /** Keeps the owner's English for texts of a version; a key that is not one of the version's texts is refused. */
    public void save(long versionId, Map<String, String> englishByKey, SummitUser user) {
        WorkbenchAccess.requireOwner(user);
        ModelVersion v = models.version(versionId).orElseThrow(() -> new UserFacingException("workbench.error.noSuchVersion"));
        Map<String, String> originals = originals(v);
        for (Map.Entry<String, String> e : englishByKey.entrySet()) {
            if (!originals.containsKey(e.getKey())) {
                throw new UserFacingException("workbench.translation.unknownKey", e.getKey());
            }
            if (e.getValue() == null || e.getValue().isBlank() || e.getValue().length() > 4000) {
                throw new UserFacingException("workbench.translation.bad", originals.get(e.getKey()));
            }
        }
        transactions.executeWithoutResult(status -> {
            englishByKey.forEach((key, text) -> translations.add(v.resourceName(), v.id(), key, text.strip(), user.username()));
            audit.add(user.username(), AuditEntry.Action.TRANSLATED, v.resourceName(), v.id(), null, englishByKey.size() + " texts");
        });
        english = translations.latest();
    }

    /** The keys Summit looks a version's texts up by, with the model's own text of each. */
    private static Map<String, String> originals(ModelVersion v) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        if (v.kind() == ModelVersion.Kind.BPMN) {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(v.content().getBytes(StandardCharsets.UTF_8)));
            for (Process p : model.getModelElementsByType(Process.class)) {
                keys.put("bpmn." + p.getId() + ".name", p.getName() == null ? p.getId() : p.getName());
                // every step, stage and wait an instance can be at, at any depth of sub-process (a file holds one process)
                java.util.stream.Stream.concat(model.getModelElementsByType(Activity.class).stream(),
                                model.getModelElementsByType(IntermediateCatchEvent.class).stream())
                        .filter(n -> n.getName() != null && !n.getName().isBlank())
                        .forEach(n -> keys.putIfAbsent("bpmn." + p.getId() + "." + n.getId(), n.getName()));
            }
        } else if (v.kind() == ModelVersion.Kind.FORM) {
            try {
                JsonNode form = JSON.readTree(v.content());
                formKeys(form.path("id").asText(""), form.path("components"), keys);
            } catch (IOException e) {
                throw new IllegalStateException(v.path() + " is no form", e);
            }
        }
        return keys;
    }

    private static void formKeys(String formId, JsonNode components, Map<String, String> keys) {
        for (JsonNode c : components) {
            String key = c.path("key").asText(c.path("id").asText(""));
            String prefix = "form." + formId + "." + key;
            if (c.hasNonNull("label")) {
                keys.put(prefix + ".label", c.path("label").asText());
            }
            if (c.hasNonNull("description")) {
                keys.put(prefix + ".description", c.path("description").asText());
            }
            if (c.hasNonNull("text")) {
                keys.put("form." + formId + "." + c.path("id").asText("") + ".text", c.path("text").asText());
            }
            for (JsonNode option : c.path("values")) {
                if (option.hasNonNull("label")) {
                    keys.put(prefix + ".option." + option.path("value").asText(), option.path("label").asText());
                }
            }
            formKeys(formId, c.path("components"), keys);
        }
    }
}
