package com.summit.tasklist.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a form can show: its fields' keys, the keys of its dynamic options ({@code valuesKey}), the paths
 * of its groups, and every name used in its expressions ({@code =…}) and templates ({@code {{…}}}). The task page
 * sends the browser these and nothing else of the instance.
 */
final class FormVariables {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FormVariables() {}

    static Set<String> referenced(ObjectMapper json, String schemaJson) {
        Set<String> names = new LinkedHashSet<>();
        try {
            collect(json.readTree(schemaJson), names);
        } catch (IOException e) {
            return Set.of();
        }
        return names;
    }

    /** Only the entries of {@code data} the form can show. */
    static Map<String, Object> shown(Map<String, Object> data, Set<String> referenced) {
        Map<String, Object> shown = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (referenced.contains(k)) {
                shown.put(k, v);
            }
        });
        return shown;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (String field : new String[] {"key", "valuesKey"}) {
                if (node.path(field).isTextual()) {
                    names.add(node.get(field).asText());
                }
            }
            if (node.path("path").isTextual()) {
                names.add(node.get("path").asText().split("\\.")[0]);
            }
            node.properties().forEach(e -> collect(e.getValue(), names));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, names));
        } else if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("=")) {
                names(text.substring(1), names);
            }
            int open = text.indexOf("{{");
            while (open >= 0) {
                int close = text.indexOf("}}", open);
                if (close < 0) {
                    break;
                }
                names(text.substring(open + 2, close), names);
                open = text.indexOf("{{", close);
            }
        }
    }

    private static void names(String expression, Set<String> names) {
        // string literals name nothing
        Matcher m = NAME.matcher(expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " "));
        while (m.find()) {
            names.add(m.group());
        }
    }
}
