package com.summit.tasklist.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Forms are written in Chinese by the process owner; for English, each label, description, option
 * and text comes from the i18n bundles ({@code form.<formId>.<key>.label}, {@code ….description},
 * {@code ….option.<value>}, {@code form.<formId>.<componentId>.text}) where a translation exists.
 */
@Component
public class FormLocalizer {

    private final Messages messages;
    private final ObjectMapper json;

    FormLocalizer(Messages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public String localize(String schemaJson, Locale locale) {
        if (Locales.supported(locale).equals(Locales.ZH_CN)) {
            return schemaJson;
        }
        try {
            JsonNode root = json.readTree(schemaJson);
            String formId = root.path("id").asText("");
            localizeComponents(root.path("components"), formId, locale);
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** form-js's own texts ("Select", "Field is required.") and their translation, for the form viewer. */
    public String viewerStrings(Locale locale) {
        return FormStrings.forLocale(messages, json, locale);
    }

    /** A process's name in the given language: the model's (Chinese), or its translation ({@code bpmn.<process>.name}). */
    public String processName(String bpmnProcessId, String name, Locale locale) {
        if (Locales.supported(locale).equals(Locales.ZH_CN)) {
            return name;
        }
        return messages.find("bpmn." + bpmnProcessId + ".name", locale).orElse(name);
    }

    /** The label of a field in the given language. */
    public String label(String formId, JsonNode component, Locale locale) {
        String key = component.path("key").asText(component.path("id").asText(""));
        String original = component.path("label").asText(key);
        if (Locales.supported(locale).equals(Locales.ZH_CN)) {
            return original;
        }
        return messages.find("form." + formId + "." + key + ".label", locale).orElse(original);
    }

    private void localizeComponents(JsonNode components, String formId, Locale locale) {
        for (JsonNode component : components) {
            if (!(component instanceof ObjectNode node)) {
                continue;
            }
            String key = node.path("key").asText(node.path("id").asText(""));
            String prefix = "form." + formId + "." + key;
            replace(node, "label", prefix + ".label", locale);
            replace(node, "description", prefix + ".description", locale);
            replace(node, "text", "form." + formId + "." + node.path("id").asText("") + ".text", locale);
            for (JsonNode option : node.path("values")) {
                if (option instanceof ObjectNode o) {
                    replace(o, "label", prefix + ".option." + o.path("value").asText(), locale);
                }
            }
            localizeComponents(node.path("components"), formId, locale);
        }
    }

    private void replace(ObjectNode node, String field, String key, Locale locale) {
        if (node.has(field)) {
            messages.find(key, locale).ifPresent(text -> node.put(field, text));
        }
    }
}
