package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Messages;
import com.summit.engine.DecisionPreview;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.security.domain.SummitUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The impact of a changed decision table before it is deployed: each live case the table decides is evaluated with
 * the running table and with the changed one, by the DMN engine Zeebe embeds, and the cases whose answer changes are
 * listed with the answer before and after. A case the reader may not open is named (customer, deal, stage and the
 * answers, what judging the rule needs) without a link to its page.
 */
@Service
public class ImpactPreview {

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
            impacts.add(impact(source, before, after, user, locale));
        }
        return impacts;
    }

    private Impact impact(DecisionImpactSource source, DecisionPreview.Tables before, DecisionPreview.Tables after, SummitUser user,
            Locale locale) {
        List<DecisionImpactSource.LiveCase> cases = source.cases(user);
        List<Entry> entries = new ArrayList<>();
        int changed = 0;
        int hidden = 0;
        for (DecisionImpactSource.LiveCase c : cases) {
            Object was = decisions.evaluate(before, source.decisionId(), c.facts());
            Object now;
            try {
                now = decisions.evaluate(after, source.decisionId(), c.facts());
            } catch (IllegalStateException e) {
                throw new UserFacingException("workbench.impact.failed", c.visible() ? c.label() : "#" + c.id(), e.getMessage());
            }
            if (Objects.equals(source.outcome(was), source.outcome(now))) {
                continue;
            }
            changed++;
            if (!c.visible()) {
                hidden++;
            }
            if (entries.size() < MAX_LISTED) {
                // a process owner judges a rule by the cases it moves: each is named, and linked where the reader may open it
                entries.add(new Entry(c.label(), c.visible() ? c.href() : null, source.describe(c, was, locale), source.describe(c, now, locale)));
            }
        }
        return new Impact(source.decisionId(), cases.size(), changed, hidden, entries, source.assumption(locale));
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
