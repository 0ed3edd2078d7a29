package com.summit.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the code uses exists in Chinese and in English. */
class I18nBundlesTest {

    private static final Set<String> ENUM_PREFIXES = Set.of("role.", "stage.", "opportunityStatus.", "service.", "industry.", "task.state.");

    @Test
    void everyKeyInTheCodeIsTranslatedIntoBothLanguages() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        // a string literal that starts like a key of the bundles (its first segment) is a key
        Set<String> prefixes = new TreeSet<>();
        zh.stringPropertyNames().forEach(k -> prefixes.add(Pattern.quote(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')))));
        Pattern key = Pattern.compile("\"((?:" + String.join("|", prefixes) + ")\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(used.stream().filter(k -> !zh.containsKey(k)).toList()).as("missing in zh-CN").isEmpty();
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).as("missing in English").isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertThat(zh.stream().filter(k -> !en.contains(k)).toList()).as("in zh-CN, missing in English").isEmpty();
        // the English of a model's names and form labels: their Chinese is in the .bpmn and .form files themselves
        assertThat(en.stream().filter(k -> !zh.contains(k) && !k.startsWith("bpmn.") && !(k.startsWith("form.") && !k.startsWith("form.error.")))
                .toList()).as("in English, missing in zh-CN").isEmpty();
    }

    @Test
    void everyProcessNameStepNameAndFormTextHasEnglish() throws IOException {
        Properties en = load("messages_en.properties");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                var root = json.readTree(form.toFile());
                formKeys(root.path("id").asText(), root.path("components"), en, missing);
            }
        }
        // every named step, stage and wait an instance can be at (the inbox, the migration page and the live counts show them)
        Pattern userTask = Pattern.compile("<bpmn:(?:userTask|serviceTask|sendTask|receiveTask|scriptTask|businessRuleTask|callActivity|subProcess"
                + "|intermediateCatchEvent) id=\"([^\"]+)\" name=\"[^\"]+\"");
        Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(model);
                Matcher p = process.matcher(xml);
                assertThat(p.find()).as("a process in %s", model).isTrue();
                if (!en.containsKey("bpmn." + p.group(1) + ".name")) {
                    missing.add("bpmn." + p.group(1) + ".name");
                }
                Matcher m = userTask.matcher(xml);
                while (m.find()) {
                    String key = "bpmn." + p.group(1) + "." + m.group(1);
                    if (!en.containsKey(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("step names and form texts without English").isEmpty();
    }

    /** The keys {@code FormLocalizer} looks up, for every label, description, text and option of a form. */
    private static void formKeys(String formId, com.fasterxml.jackson.databind.JsonNode components, Properties en, java.util.List<String> missing) {
        for (var c : components) {
            String prefix = "form." + formId + "." + c.path("key").asText(c.path("id").asText(""));
            java.util.List<String> keys = new java.util.ArrayList<>();
            if (c.has("label")) {
                keys.add(prefix + ".label");
            }
            if (c.has("description")) {
                keys.add(prefix + ".description");
            }
            if (c.has("text")) {
                keys.add("form." + formId + "." + c.path("id").asText("") + ".text");
            }
            for (var option : c.path("values")) {
                keys.add(prefix + ".option." + option.path("value").asText());
            }
            keys.stream().filter(k -> !en.containsKey(k)).forEach(missing::add);
            formKeys(formId, c.path("components"), en, missing);
        }
    }

    @Test
    void bothLanguagesHaveTheSameEnumLabels() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (String key : zh.stringPropertyNames()) {
            if (ENUM_PREFIXES.stream().anyMatch(key::startsWith)) {
                assertThat(en).as("English for %s", key).containsKey(key);
            }
        }
        for (var role : com.summit.security.domain.Role.values()) {
            assertThat(zh).containsKey(role.messageKey());
        }
        for (var stage : com.summit.opportunity.domain.Stage.values()) {
            assertThat(zh).containsKey(stage.messageKey());
            assertThat(en).containsKey(stage.messageKey());
        }
        for (var industry : com.summit.customer.domain.Industry.values()) {
            assertThat(en).containsKey(industry.messageKey());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
