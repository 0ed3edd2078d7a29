package com.summit.workbench.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's refusal of a deployment, in its parts: the engine answers with one text listing, per resource, each
 * element and its problems ("- Element: Task_A" then "- ERROR: …"). Summit shows them by element.
 */
final class EngineRefusal {

    private static final Pattern ELEMENT = Pattern.compile("^(?:.*\\s)?-\\s*Element:\\s*(\\S+)\\s*$");
    private static final Pattern PROBLEM = Pattern.compile("^\\s*-\\s*(ERROR|WARNING):\\s*(.+)$");

    private EngineRefusal() {}

    /** One problem the engine named, at its element where it named one. */
    record Problem(String elementId, String message) {}

    static List<Problem> parse(String engineMessage) {
        List<Problem> problems = new ArrayList<>();
        if (engineMessage == null) {
            return problems;
        }
        String element = null;
        for (String line : engineMessage.split("\\R")) {
            Matcher em = ELEMENT.matcher(line);
            if (em.matches()) {
                element = em.group(1);
                continue;
            }
            Matcher pm = PROBLEM.matcher(line);
            if (pm.matches() && "ERROR".equals(pm.group(1))) {
                problems.add(new Problem(element, pm.group(2).strip()));
            }
        }
        if (problems.isEmpty()) {
            String text = engineMessage.strip();
            problems.add(new Problem(null, text.length() > 1000 ? text.substring(0, 1000) + "…" : text));
        }
        return problems;
    }
}
