package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Messages;
import com.summit.engine.DecisionPreview;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Service;

/**
 * The impact of a changed decision table before it is deployed: each live case the table decides is evaluated with
 * the running table and with the changed one, by the DMN engine Zeebe embeds, and the cases whose answer changes are
 * listed with the answer before and after. A case the reader may not open is named (customer, deal, stage and the
 * answers, what judging the rule needs) without a link to its page.
 */
@Service
public class ImpactPreview {

    /** The evaluations' threads, one per core (the common pool leaves one core to the caller, who only waits). */
    private static final ForkJoinPool EVALUATING = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /** At most this many changed cases are listed; the count covers them all. */
    static final int MAX_LISTED = 500;

    private final ModelStore models;
    private final DecisionPreview decisions;
    private final List<DecisionImpactSource> sources;
    private final Messages messages;

    ImpactPreview(ModelStore models, DecisionPreview decisions, List<DecisionImpactSource> sources, Messages messages) {
        this.models = models;
        this.decisions = decisions;
        this.sources = sources;
        this.messages = messages;
    }

    /** One changed case: what it is, its page (null: the reader may not open it), and the answer now and with the change. */
    public record Entry(String label, String href, String before, String after) {}

    /**
     * The impact on one decision's cases: how many were evaluated, how many change (and how many of those the reader
     * may not open), the changed cases, what the comparison assumes.
     */
    public record Impact(String decisionId, int evaluated, int changed, int hiddenChanged, List<Entry> entries, String assumption) {}

    /** The impact of new content of a DMN file, for every decision in it whose live cases Summit knows. */
    public List<Impact> preview(String resourceName, String content, SummitUser user, Locale locale) {
        WorkbenchAccess.requireOwner(user);
        ModelVersion current = models.currentOf(resourceName).orElse(null);
        if (current == null || current.kind() != ModelVersion.Kind.DMN) {
            return List.of();
        }
        DecisionPreview.Tables before = decisions.parse(current.content());
        DecisionPreview.Tables after;
        try {
            after = decisions.parse(content);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("workbench.check.dmnInvalid", e.getMessage());
        }
        List<Impact> impacts = new ArrayList<>();
        for (DecisionImpactSource source : sources) {
            if (!content.contains("id=\"" + source.decisionId() + "\"")) {
                continue;
            }
            Optional<DecisionPreview.Tables> changedRules = decisions.changedRules(current.content(), content, source.decisionId());
            impacts.add(impact(source, before, after, changedRules, user, locale));
        }
        return impacts;
    }

    private Impact impact(DecisionImpactSource source, DecisionPreview.Tables before, DecisionPreview.Tables after,
            Optional<DecisionPreview.Tables> changedRules, SummitUser user, Locale locale) {
        List<DecisionImpactSource.LiveCase> cases = source.cases(user);
        List<List<Object>> keys = cases.stream().map(c -> key(c.facts())).toList();
        Map<List<Object>, Answers> answers = answers(source.decisionId(), cases, keys, before, after, changedRules);
        List<Entry> entries = new ArrayList<>();
        var describe = source.describer(locale);
        int changed = 0;
        int hidden = 0;
        for (int i = 0; i < cases.size(); i++) {
            DecisionImpactSource.LiveCase c = cases.get(i);
            Answers a = answers.get(keys.get(i));
            if (a == Answers.SAME) {
                continue;
            }
            if (a.failure() != null) {
                throw new UserFacingException("workbench.impact.failed", c.visible() ? c.label() : "#" + c.id(), a.failure());
            }
            if (Objects.equals(source.outcome(a.was()), source.outcome(a.now()))) {
                continue;
            }
            changed++;
            if (!c.visible()) {
                hidden++;
            }
            if (entries.size() < MAX_LISTED) {
                // a process owner judges a rule by the cases it moves: each is named, and linked where the reader may open it
                entries.add(new Entry(c.label(), c.visible() ? c.href() : null, describe.apply(c, a.was()), describe.apply(c, a.now())));
            }
        }
        return new Impact(source.decisionId(), cases.size(), changed, hidden, entries, source.assumption(locale));
    }

    /** A case's answer with the running table and with the changed one, or why the changed one could not answer. */
    private record Answers(Object was, Object now, String failure) {
        /** No changed rule matches the case: both tables give it the same answer. */
        static final Answers SAME = new Answers(null, null, null);
    }

    /**
     * Both tables' answers for each distinct set of facts, evaluated once (deals at the same stage with the same levels
     * and facts get the same answer), on every core: the evaluations are what the owner waits for. Where the tables
     * differ only in some rules, a case none of those rules matches keeps its answer, and only the others are evaluated
     * with both tables.
     */
    private Map<List<Object>, Answers> answers(String decisionId, List<DecisionImpactSource.LiveCase> cases, List<List<Object>> keys,
            DecisionPreview.Tables before, DecisionPreview.Tables after, Optional<DecisionPreview.Tables> changedRules) {
        Map<List<Object>, Map<String, Object>> distinct = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            distinct.putIfAbsent(keys.get(i), cases.get(i).facts());
        }
        Map<List<Object>, Answers> answers = new ConcurrentHashMap<>();
        EVALUATING.submit(() -> distinct.entrySet().parallelStream().forEach(e -> {
            Map<String, Object> facts = e.getValue();
            if (changedRules.isPresent() && !decisions.mayDiffer(changedRules.get(), decisionId, facts)) {
                answers.put(e.getKey(), Answers.SAME);
                return;
            }
            Object was = decisions.evaluate(before, decisionId, facts);
            try {
                answers.put(e.getKey(), new Answers(was, decisions.evaluate(after, decisionId, facts), null));
            } catch (IllegalStateException ex) {
                answers.put(e.getKey(), new Answers(was, null, ex.getMessage()));
            }
        })).join();
        return answers;
    }

    /**
     * A set of facts as a key: its names and values in the names' order. Not the map itself: a map's hash is the sum
     * of its entries', and facts of small numbers and booleans sum to the same few hashes, which turns every lookup
     * into a search.
     */
    private static List<Object> key(Map<String, Object> facts) {
        List<Object> key = new ArrayList<>(facts.size() * 2);
        new TreeMap<>(facts).forEach((name, value) -> {
            key.add(name);
            key.add(value);
        });
        return key;
    }

    /** The impact in words, for the review task: the count, then the first cases. */
    public String text(List<Impact> impacts, Locale locale) {
        StringBuilder s = new StringBuilder();
        for (Impact i : impacts) {
            s.append(messages.getTranslation("workbench.impact.summary", locale, i.decisionId(), i.evaluated(), i.changed())).append('\n');
            i.entries().stream().limit(20).forEach(e -> s.append("· ").append(e.label()).append("：").append(e.before()).append(" ⇒ ")
                    .append(e.after()).append('\n'));
        }
        return s.toString().strip();
    }
}
