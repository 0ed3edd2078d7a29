package com.summit.customer.service;

import com.summit.base.i18n.Messages;
import com.summit.customer.domain.TieringRepository;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskContextProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The strategic downgrade's confirmation shows the tier the rule proposes and why, in the reader's language: the
 * process carries the tier change's id and codes; the figures come from the change as the rule saw them.
 */
@Component
class DowngradeTaskContext implements TaskContextProvider {

    static final String PROCESS_ID = "customer-downgrade";

    private final TieringRepository tiering;
    private final TieringService service;
    private final Messages messages;

    DowngradeTaskContext(TieringRepository tiering, TieringService service, Messages messages) {
        this.tiering = tiering;
        this.service = service;
        this.messages = messages;
    }

    @Override
    public List<ContextItem> contextFor(HumanTask task, Locale locale) {
        return List.of();
    }

    @Override
    public Map<String, Object> formData(HumanTask task, Map<String, Object> variables, Locale locale) {
        if (!PROCESS_ID.equals(task.bpmnProcessId()) || !(variables.get("changeId") instanceof Number changeId)) {
            return Map.of();
        }
        return tiering.change(changeId.longValue()).map(c -> Map.<String, Object>of(
                "toTierName", messages.getTranslation(c.to().messageKey(), locale),
                "reasonText", service.reasonText(c.reason(), c.revenue12m(), c.profit12m(), c.pipeline(), locale))).orElse(Map.of());
    }
}
