package com.summit.tasklist.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * form-js's own texts (its placeholders, empty-list notes and validation messages are English only) and their
 * translation into the reader's language, for the form viewer to apply as form-js renders. {@code {0}} stands for the
 * value form-js puts in (a bound, a length).
 */
final class FormStrings {

    /** form-js 1.23's English text, and the bundle key of its translation. */
    static final Map<String, String> SOURCES = sources();

    private FormStrings() {}

    /** The dictionary as the viewer reads it: the language, and each English text with its translation. */
    static String forLocale(Messages messages, ObjectMapper json, Locale locale) {
        Locale supported = Locales.supported(locale);
        Map<String, String> texts = new LinkedHashMap<>();
        if (!supported.equals(Locale.ENGLISH)) {
            SOURCES.forEach((english, key) -> messages.find(key, supported).ifPresent(text -> texts.put(english, text)));
        }
        try {
            return json.writeValueAsString(Map.of("language", supported.toLanguageTag(), "texts", texts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> sources() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("Select", "formjs.select");
        s.put("Search", "formjs.search");
        s.put("No results", "formjs.noResults");
        s.put("All values selected", "formjs.allSelected");
        s.put("Nothing to show.", "formjs.nothingToShow");
        s.put("No files selected", "formjs.noFiles");
        s.put("Field is required.", "formjs.required");
        s.put("Value is not a number.", "formjs.notANumber");
        s.put("Field must be a valid email.", "formjs.email");
        s.put("Field must be a valid  international phone number. (e.g. +4930664040900)", "formjs.phone");
        s.put("Field must have minimum value of {0}.", "formjs.min");
        s.put("Field must have maximum value of {0}.", "formjs.max");
        s.put("Field must have minimum length of {0}.", "formjs.minLength");
        s.put("Field must have maximum length of {0}.", "formjs.maxLength");
        s.put("Field must match pattern {0}.", "formjs.pattern");
        s.put("Value is expected to be an integer.", "formjs.integer");
        s.put("Value is expected to have at most 1 decimal digit.", "formjs.decimalDigit");
        s.put("Value is expected to have at most {0} decimal digits.", "formjs.decimalDigits");
        s.put("Remove list item {0}", "formjs.removeItem");
        s.put("Expand all ({0})", "formjs.expandAll");
        s.put("Collapse", "formjs.collapse");
        return Map.copyOf(s);
    }
}
