package com.summit.workbench.service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's reason for refusing to migrate an instance, said in the process owner's words where Summit knows the
 * case: a message key with its arguments; the engine's own sentence is kept beside it.
 */
public final class MigrationRefusals {

    private MigrationRefusals() {}

    /** A refusal in words: the message key and its arguments. */
    public record Explained(String messageKey, List<Object> arguments) {}

    private static final Pattern UNMAPPED = Pattern.compile("no mapping instruction defined for active element with id '([^']+)'");
    private static final Pattern TYPE = Pattern.compile(
            "active element with id '([^']+)' and type '([^']+)' is mapped to an element with id '([^']+)' and different type '([^']+)'");
    private static final Pattern MISSING_TARGET = Pattern.compile("target element with id '([^']+)' (?:is not present|does not exist)");
    private static final Pattern MESSAGE = Pattern.compile("message catch event with id '([^']+)'");

    public static Explained explain(String reason) {
        String text = reason == null ? "" : reason;
        Matcher m = TYPE.matcher(text);
        if (m.find()) {
            return new Explained("workbench.migration.refusal.type", List.of(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        m = UNMAPPED.matcher(text);
        if (m.find()) {
            return new Explained("workbench.migration.refusal.unmapped", List.of(m.group(1)));
        }
        m = MISSING_TARGET.matcher(text);
        if (m.find()) {
            return new Explained("workbench.migration.refusal.noTarget", List.of(m.group(1)));
        }
        if (text.contains("subscribed to the same message name")) {
            m = MESSAGE.matcher(text);
            return new Explained("workbench.migration.refusal.message", List.of(m.find() ? m.group(1) : "?"));
        }
        if (text.contains("not found") || text.contains("doesn't exist") || text.contains("does not exist")) {
            return new Explained("workbench.migration.refusal.gone", List.of());
        }
        return new Explained("workbench.migration.refusal.other", List.of());
    }
}
