package com.summit.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * The rules two versions of a decision table do not share, as a table of their own: the rules changed, added or
 * removed, in their old and their new wording, collected. When none of them matches a case, both versions match the
 * same rules of the others, in the same order, and so give the same answer, whatever the hit policy: only the cases
 * that match one of them need both tables evaluated.
 *
 * <p>That holds only when nothing else changed: the same inputs (expression, type, allowed values), the same outputs
 * (name, type, allowed values, default), the same hit policy and aggregation, the rules kept in the same order, and a
 * decision that requires no other decision. Otherwise there is no delta, and every case is evaluated with both tables.
 */
final class DecisionDelta {

    private DecisionDelta() {}

    /** The delta table's DMN, under the decision's own id, or empty when the whole tables must be compared. */
    static Optional<String> of(String beforeXml, String afterXml, String decisionId) {
        try {
            DmnModelInstance before = read(beforeXml);
            DmnModelInstance after = read(afterXml);
            DecisionTable was = table(before, decisionId);
            DecisionTable is = table(after, decisionId);
            if (was == null || is == null || !sameColumns(was, is)) {
                return Optional.empty();
            }
            Map<String, String> oldRules = rules(was);
            Map<String, String> newRules = rules(is);
            if (oldRules == null || newRules == null) {
                return Optional.empty();
            }
            List<String> keptInOld = oldRules.keySet().stream().filter(id -> oldRules.get(id).equals(newRules.get(id))).toList();
            List<String> keptInNew = newRules.keySet().stream().filter(id -> newRules.get(id).equals(oldRules.get(id))).toList();
            if (!keptInOld.equals(keptInNew)) {
                return Optional.empty();
            }
            Set<String> kept = new HashSet<>(keptInOld);
            List<Rule> oldChanged = was.getRules().stream().filter(r -> !kept.contains(r.getId())).toList();
            // the new table keeps only its changed rules; the old wording of the others is added beside them
            List<Rule> drop = is.getRules().stream().filter(r -> kept.contains(r.getId())).toList();
            // straight from the XML: the model's own removal looks through the whole model for references to each entry
            drop.forEach(r -> is.getDomElement().removeChild(r.getDomElement()));
            for (Rule old : oldChanged) {
                is.getRules().add(copy(after, old));
            }
            is.setHitPolicy(HitPolicy.COLLECT);
            if (is.getAggregation() != null) {
                is.removeAttribute("aggregation");
            }
            return Optional.of(Dmn.convertToString(after));
        } catch (RuntimeException e) {
            // a file the model cannot read is the full evaluation's to report
            return Optional.empty();
        }
    }

    private static DmnModelInstance read(String xml) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static DecisionTable table(DmnModelInstance model, String decisionId) {
        if (!(model.getModelElementById(decisionId) instanceof Decision decision) || !decision.getInformationRequirements().isEmpty()) {
            return null;
        }
        return decision.getExpression() instanceof DecisionTable table ? table : null;
    }

    private static boolean sameColumns(DecisionTable was, DecisionTable is) {
        return was.getHitPolicy() == is.getHitPolicy() && was.getAggregation() == is.getAggregation()
                && inputs(was).equals(inputs(is)) && outputs(was).equals(outputs(is));
    }

    // the texts, not the file's layout: the editor and the seed file indent differently
    private static List<String> inputs(DecisionTable table) {
        return table.getInputs().stream().map(i -> i.getInputExpression() == null ? "" : i.getInputExpression().getTypeRef()
                + "\u0000" + text(i.getInputExpression().getText()) + "\u0000" + (i.getInputValues() == null ? "" : text(i.getInputValues().getText())))
                .toList();
    }

    private static List<String> outputs(DecisionTable table) {
        return table.getOutputs().stream().map(o -> o.getName() + "\u0000" + o.getTypeRef()
                + "\u0000" + (o.getOutputValues() == null ? "" : text(o.getOutputValues().getText()))
                + "\u0000" + (o.getDefaultOutputEntry() == null ? "" : text(o.getDefaultOutputEntry().getText()))).toList();
    }

    /** Each rule's wording by its id, in the table's order; null when a rule has no id or shares one. */
    private static Map<String, String> rules(DecisionTable table) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (Rule rule : table.getRules()) {
            String wording = rule.getInputEntries().stream().map(DecisionDelta::text).collect(Collectors.joining("\u0000"))
                    + "\u0001" + rule.getOutputEntries().stream().map(DecisionDelta::text).collect(Collectors.joining("\u0000"));
            if (rule.getId() == null || rules.put(rule.getId(), wording) != null) {
                return null;
            }
        }
        return rules;
    }

    private static String text(InputEntry entry) {
        return text(entry.getText());
    }

    private static String text(OutputEntry entry) {
        return text(entry.getText());
    }

    private static String text(Text text) {
        return text == null ? "" : Objects.requireNonNullElse(text.getTextContent(), "").strip();
    }

    /** An old rule's entries, written into the new model under ids of their own. */
    private static Rule copy(DmnModelInstance into, Rule old) {
        Rule rule = into.newInstance(Rule.class);
        rule.setId("Before_" + old.getId());
        int n = 0;
        for (InputEntry e : old.getInputEntries()) {
            InputEntry entry = into.newInstance(InputEntry.class);
            entry.setId(rule.getId() + "_in" + n++);
            entry.setText(text(into, text(e)));
            rule.getInputEntries().add(entry);
        }
        List<OutputEntry> outputs = new ArrayList<>(old.getOutputEntries());
        for (OutputEntry e : outputs) {
            OutputEntry entry = into.newInstance(OutputEntry.class);
            entry.setId(rule.getId() + "_out" + n++);
            entry.setText(text(into, text(e)));
            rule.getOutputEntries().add(entry);
        }
        return rule;
    }

    private static Text text(DmnModelInstance into, String content) {
        Text text = into.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }
}
