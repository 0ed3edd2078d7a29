package com.summit.opportunity.service;

import com.summit.engine.ProcessEngine;
import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.opportunity.domain.Stage;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.workbench.service.InstanceSubjectSource;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The deal each lifecycle instance runs for, with its stage, for the workbench's migration page. */
@Component
class DealInstanceSubjects implements InstanceSubjectSource {

    private final OpportunityRepository opportunities;
    private final ProcessEngine engine;

    DealInstanceSubjects(OpportunityRepository opportunities, ProcessEngine engine) {
        this.opportunities = opportunities;
        this.engine = engine;
    }

    @Override
    public String bpmnProcessId() {
        return LifecycleProcess.PROCESS_ID;
    }

    @Override
    public Map<Long, Subject> subjects(Collection<Long> processInstanceKeys) {
        Map<Long, Subject> result = new java.util.HashMap<>();
        for (var o : opportunities.findByInstances(engine.epoch(), processInstanceKeys)) {
            result.put(o.processInstanceKey(), new Subject(o.id(), o.customerName() + " · " + o.name(),
                    o.stage() == null ? null : o.stage().name(), o.stage() == null ? null : o.stage().messageKey()));
        }
        return result;
    }

    @Override
    public Map<String, String> stages() {
        Map<String, String> stages = new java.util.LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            stages.put(stage.name(), stage.messageKey());
        }
        return stages;
    }
}
