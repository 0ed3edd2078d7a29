package com.summit.workbench.service;

import com.summit.security.domain.SummitUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feature that decides live cases with a decision table (the deals at their gates, the customers' tiers, the open
 * approvals' routes) gives the workbench those cases and their facts, so that a changed table can be compared with
 * the running one before it is deployed.
 */
public interface DecisionImpactSource {

    /** The decision whose live cases this source knows. */
    String decisionId();

    /** Every live case, with its facts as the decision reads them; {@code visible}: whether the user may see it. */
    List<LiveCase> cases(SummitUser user);

    /** What a decision's output means for a case, in words ("通过" or the unmet conditions). */
    String describe(LiveCase liveCase, Object output, Locale locale);

    /**
     * Describes many cases in one language, sharing what their descriptions read (a source may read it once, not once
     * a case).
     */
    default java.util.function.BiFunction<LiveCase, Object, String> describer(Locale locale) {
        return (liveCase, output) -> describe(liveCase, output, locale);
    }

    /**
     * What of a decision's output counts as a change for a case (all of it unless the source says otherwise: a
     * customer moves when its tier does, not when only the wording of the reason does).
     */
    default Object outcome(Object output) {
        return output;
    }

    /** What the comparison takes for granted, in words (null: nothing). */
    default String assumption(Locale locale) {
        return null;
    }

    /** A case the decision decides now: a deal, a customer, an approval. {@code href}: its page in the app. */
    record LiveCase(String id, String label, String href, boolean visible, Map<String, Object> facts) {}
}
