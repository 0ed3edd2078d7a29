package com.summit.tasklist.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.FieldError;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;

/**
 * Checks submitted values against a form-js schema on the server, because the browser is never
 * trusted: required, type, min/max, length, pattern and allowed options. Only the form's own input
 * fields pass; read-only and disabled fields and unknown keys are dropped.
 */
@Component
public class FormValidator {

    private static final Set<String> TEXT = Set.of("textfield", "textarea");
    private static final Set<String> SINGLE_CHOICE = Set.of("radio", "select");
    private static final Set<String> MULTI_CHOICE = Set.of("checklist", "taglist");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{5,20}$");

    private final ObjectMapper json;
    private final FormLocalizer localizer;

    FormValidator(ObjectMapper json, FormLocalizer localizer) {
        this.json = json;
        this.localizer = localizer;
    }

    public record Result(Map<String, Object> values, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Result validate(String schemaJson, String submittedJson, Map<String, Object> processVariables, Locale locale) {
        Map<String, Object> submitted;
        JsonNode schema;
        try {
            schema = json.readTree(schemaJson);
            submitted = submittedJson == null || submittedJson.isBlank()
                    ? Map.of()
                    : json.readValue(submittedJson, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            return new Result(Map.of(), List.of(new FieldError("", "", "form.error.unreadable")));
        }
        String formId = schema.path("id").asText("");
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        walk(schema.path("components"), formId, submitted, processVariables, locale, values, errors);
        return new Result(values, errors);
    }

    /** The keys of the form's input fields (those a submission or a draft may carry). */
    public java.util.Set<String> fieldKeys(String schemaJson) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        try {
            collectKeys(json.readTree(schemaJson).path("components"), keys);
        } catch (IOException e) {
            return keys;
        }
        return keys;
    }

    private static void collectKeys(JsonNode components, java.util.Set<String> keys) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type) && !c.hasNonNull("path")) {
                collectKeys(c.path("components"), keys);
            } else if (c.hasNonNull("key") && isInput(type) && !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false)) {
                keys.add(c.get("key").asText());
            }
        }
    }

    private void walk(JsonNode components, String formId, Map<String, Object> submitted, Map<String, Object> variables,
            Locale locale, Map<String, Object> values, List<FieldError> errors) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type) && !c.hasNonNull("path")) {
                walk(c.path("components"), formId, submitted, variables, locale, values, errors);
                continue;
            }
            String key = c.path("key").asText(null);
            if (key == null || !isInput(type) || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
                continue;
            }
            String label = localizer.label(formId, c, locale);
            JsonNode rules = c.path("validate");
            Object raw = submitted.get(key);
            boolean conditional = c.has("conditional");
            if (isEmpty(raw)) {
                if (rules.path("required").asBoolean(false) && !conditional) {
                    errors.add(new FieldError(key, label, "form.error.required", label));
                }
                continue;
            }
            int before = errors.size();
            Object value = switch (type) {
                case "number" -> number(raw, key, label, rules, errors);
                case "checkbox" -> bool(raw, key, label, errors);
                case "datetime" -> dateTime(raw, c.path("subtype").asText("date"), key, label, errors);
                default -> {
                    if (TEXT.contains(type)) {
                        yield text(raw, key, label, rules, errors);
                    } else if (SINGLE_CHOICE.contains(type)) {
                        yield choice(raw, options(c, variables), key, label, errors);
                    } else {
                        yield choices(raw, options(c, variables), key, label, errors);
                    }
                }
            };
            if (errors.size() == before) {
                values.put(key, value);
            }
        }
    }

    private static boolean isInput(String type) {
        return TEXT.contains(type) || SINGLE_CHOICE.contains(type) || MULTI_CHOICE.contains(type)
                || Set.of("number", "checkbox", "datetime").contains(type);
    }

    private static boolean isEmpty(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty());
    }

    private static Object text(Object raw, String key, String label, JsonNode rules, List<FieldError> errors) {
        if (!(raw instanceof String s)) {
            errors.add(new FieldError(key, label, "form.error.type.text", label));
            return null;
        }
        int length = s.codePointCount(0, s.length());
        if (rules.has("minLength") && length < rules.get("minLength").asInt()) {
            errors.add(new FieldError(key, label, "form.error.minLength", label, rules.get("minLength").asInt()));
        }
        if (rules.has("maxLength") && length > rules.get("maxLength").asInt()) {
            errors.add(new FieldError(key, label, "form.error.maxLength", label, rules.get("maxLength").asInt()));
        }
        String pattern = rules.path("pattern").asText("");
        if (!pattern.isEmpty()) {
            try {
                if (!Pattern.compile(pattern).matcher(s).matches()) {
                    errors.add(new FieldError(key, label, "form.error.pattern", label));
                }
            } catch (PatternSyntaxException e) {
                // a broken pattern in the model is the model's fault, not the user's
            }
        }
        String validationType = rules.path("validationType").asText("");
        if ("email".equals(validationType) && !EMAIL.matcher(s).matches()) {
            errors.add(new FieldError(key, label, "form.error.email", label));
        }
        if ("phone".equals(validationType) && !PHONE.matcher(s).matches()) {
            errors.add(new FieldError(key, label, "form.error.phone", label));
        }
        return s;
    }

    private static Object number(Object raw, String key, String label, JsonNode rules, List<FieldError> errors) {
        BigDecimal n;
        try {
            n = raw instanceof Number num ? new BigDecimal(num.toString()) : new BigDecimal(((String) raw).strip());
        } catch (ClassCastException | NumberFormatException e) {
            errors.add(new FieldError(key, label, "form.error.type.number", label));
            return null;
        }
        if (rules.has("min") && n.compareTo(new BigDecimal(rules.get("min").asText())) < 0) {
            errors.add(new FieldError(key, label, "form.error.min", label, rules.get("min").asText()));
        }
        if (rules.has("max") && n.compareTo(new BigDecimal(rules.get("max").asText())) > 0) {
            errors.add(new FieldError(key, label, "form.error.max", label, rules.get("max").asText()));
        }
        return n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? (Object) n.longValueExact()
                : (Object) n.doubleValue();
    }

    private static Object bool(Object raw, String key, String label, List<FieldError> errors) {
        if (raw instanceof Boolean b) {
            return b;
        }
        errors.add(new FieldError(key, label, "form.error.type.boolean", label));
        return null;
    }

    /** The dates a form accepts: none before 1900 or after 2100. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static Object dateTime(Object raw, String subtype, String key, String label, List<FieldError> errors) {
        if (!(raw instanceof String s)) {
            errors.add(new FieldError(key, label, "form.error.type.date", label));
            return null;
        }
        LocalDate date;
        try {
            date = switch (subtype) {
                case "time" -> {
                    LocalTime.parse(s.length() > 8 ? s.substring(0, 8) : s);
                    yield null;
                }
                case "datetime" -> {
                    LocalDate d;
                    try {
                        d = OffsetDateTime.parse(s).toLocalDate();
                    } catch (DateTimeParseException e) {
                        d = LocalDateTime.parse(s).toLocalDate();
                    }
                    yield d;
                }
                default -> LocalDate.parse(s);
            };
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(key, label, "form.error.type.date", label));
            return null;
        }
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            // a typo like 0202 or 20255 parses, but no business date lies there
            errors.add(new FieldError(key, label, "form.error.date.range", label, EARLIEST.toString(), LATEST.toString()));
            return null;
        }
        return s;
    }

    private static Object choice(Object raw, List<String> options, String key, String label, List<FieldError> errors) {
        if (!(raw instanceof String s) || (options != null && !options.contains(s))) {
            errors.add(new FieldError(key, label, "form.error.option", label));
            return null;
        }
        return s;
    }

    private static Object choices(Object raw, List<String> options, String key, String label, List<FieldError> errors) {
        if (!(raw instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))
                || (options != null && !options.containsAll(list))) {
            errors.add(new FieldError(key, label, "form.error.option", label));
            return null;
        }
        return List.copyOf(list);
    }

    /**
     * Static options, or the options a variable offers ({@code valuesKey}; none offered means none allowed), or
     * null when the form computes them in a way the server cannot check (any value of the right type is taken).
     */
    private static List<String> options(JsonNode component, Map<String, Object> variables) {
        List<String> options = new ArrayList<>();
        component.path("values").forEach(v -> options.add(v.path("value").asText()));
        if (!options.isEmpty()) {
            return options;
        }
        if (component.hasNonNull("valuesKey")) {
            if (variables.get(component.get("valuesKey").asText()) instanceof List<?> dynamic) {
                for (Object o : dynamic) {
                    if (o instanceof Map<?, ?> m && m.get("value") != null) {
                        options.add(m.get("value").toString());
                    }
                }
            }
            return options;
        }
        return null;
    }
}
