package com.summit.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;

    DowngradeTaskContext(TieringRepository tiering, TieringService service, Messages messages, ObjectMapper json) {
        this.tiering = tiering;
        this.service = service;
        this.messages = messages;
        this.json = json;
    }

    @Override
    public List<ContextItem> contextFor(HumanTask task, Locale locale) {
        return List.of();
    }

    @Override
    public Map<String, Object> formData(HumanTask task, Locale locale) {
        if (!PROCESS_ID.equals(task.bpmnProcessId())) {
            return Map.of();
        }
        Number changeId;
        try {
            changeId = json.readTree(task.variablesJson() == null ? "{}" : task.variablesJson()).path("changeId").numberValue();
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        if (changeId == null) {
            return Map.of();
        }
        return tiering.change(changeId.longValue()).map(c -> Map.<String, Object>of(
                "toTierName", messages.getTranslation(c.to().messageKey(), locale),
                "reasonText", service.reasonText(c.reason(), c.revenue12m(), c.profit12m(), c.pipeline(), locale))).orElse(Map.of());
    }
}
