package com.summit.tasklist.service;

import com.summit.engine.EngineEpoch;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessModels;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.domain.HumanTaskRepository;
import com.summit.tasklist.domain.TaskEvent;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox after an instance moved to another version of its process. The engine keeps each waiting job (the same key,
 * still activated, so it is not offered again) and moves it to the element it was mapped to; the job's headers stay
 * those of the old element. The task's row takes the new element's name and form, once, and its history says so.
 */
@Service
public class TaskRelocation {

    private final HumanTaskRepository tasks;
    private final ProcessModels models;
    private final ProcessEngine engine;
    private final EngineEpoch epoch;
    private final TaskBroadcaster broadcaster;

    TaskRelocation(HumanTaskRepository tasks, ProcessModels models, ProcessEngine engine, EngineEpoch epoch, TaskBroadcaster broadcaster) {
        this.tasks = tasks;
        this.models = models;
        this.engine = engine;
        this.epoch = epoch;
        this.broadcaster = broadcaster;
    }

    /**
     * Moves the open tasks of an instance the engine has migrated; returns how many moved. The mapping is by element id;
     * an element not in it kept its id. A form the target element links is its latest deployed version (as the engine
     * links it); an element that links none keeps the task's form.
     */
    @Transactional
    public int relocate(long processInstanceKey, long targetDefinitionKey, int targetVersion, Map<String, String> mapping, String actor) {
        int moved = 0;
        for (HumanTask task : tasks.findOpenByInstance(epoch.value(), processInstanceKey)) {
            if (task.processDefinitionKey() == targetDefinitionKey) {
                continue; // moved already (a run resumed after it recorded the task but not the instance)
            }
            String element = mapping.getOrDefault(task.elementId(), task.elementId());
            Long formKey = models.formId(targetDefinitionKey, element)
                    .map(formId -> engine.latestForm(formId).map(f -> f.formKey()).orElse(null))
                    .orElse(task.formKey());
            if (tasks.relocate(task.id(), targetDefinitionKey, element, models.elementName(targetDefinitionKey, element), formKey) == 1) {
                tasks.addEvent(task, TaskEvent.Type.MIGRATED, actor, "v" + targetVersion);
                tasks.findById(task.id()).ifPresent(broadcaster::available);
                moved++;
            }
        }
        return moved;
    }
}
