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

    private static final Pattern KEY = Pattern.compile("\"((?:app|common|nav|login|inbox|task|filter|form\\.error|error|engine|search|context|customer|opportunity)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
    private static final Set<String> ENUM_PREFIXES = Set.of("role.", "stage.", "opportunityStatus.", "service.", "industry.", "task.state.");

    @Test
    void everyKeyInTheCodeIsTranslatedIntoBothLanguages() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
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
