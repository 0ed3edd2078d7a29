package com.summit.followup.service;

import com.summit.followup.process.CadenceProcess;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskContextProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The manager's task 跟进已逾期 shows whose deal it is and how late its contact is, in the reader's language. */
@Component
class OverdueTaskContext implements TaskContextProvider {

    private final FollowUpCadences cadences;
    private final UserService users;

    OverdueTaskContext(FollowUpCadences cadences, UserService users) {
        this.cadences = cadences;
        this.users = users;
    }

    @Override
    public List<ContextItem> contextFor(HumanTask task, Locale locale) {
        return List.of();
    }

    @Override
    public Map<String, Object> formData(HumanTask task, Map<String, Object> variables, Locale locale) {
        if (!CadenceProcess.PROCESS_ID.equals(task.bpmnProcessId()) || !(variables.get(CadenceProcess.VAR_OPPORTUNITY_ID) instanceof Number id)
                || !(variables.get(CadenceProcess.VAR_DUE_ON) instanceof String dueOn)) {
            return Map.of();
        }
        String owner = variables.get(CadenceProcess.VAR_OWNER) instanceof String o ? o : "";
        return Map.of("ownerName", users.displayNames().getOrDefault(owner, owner),
                "overdueText", cadences.overdueText(id.longValue(), LocalDate.parse(dueOn), locale));
    }
}
