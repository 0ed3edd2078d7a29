package com.summit.tasklist.process;

import com.summit.engine.EngineEpoch;
import com.summit.tasklist.domain.HumanTask;
import com.summit.tasklist.service.TaskService;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How a task that stops being work leaves the inbox.
 *
 * <p>A job-worker user task is a job that Summit holds activated while a person works on it. When the
 * process ends the task's element without the person (an interrupting boundary event, a lost deal, a
 * cancelled instance, a modification), Zeebe cancels the job, but it does not tell the worker that holds
 * it: there is no push for that on the job API. So Summit asks. This sweep walks the open tasks, the
 * longest unchecked first, and sets each job's timeout again ({@link TaskEngine#probe}): the engine
 * answers NOT_FOUND for a job that is gone, and the task leaves the inbox as cancelled, with its reason.
 * For a job that is still there, the same command renews Summit's hold on it, so a task never times out
 * into a second worker's hands while someone works on it. A completed task leaves at once, when it is
 * submitted; an instance that Summit itself cancels can mark its tasks directly. The sweep also settles
 * submissions whose engine answer was lost ({@link TaskService#settleSubmissions}).
 */
@Component
class TaskLivenessSweep {

    static final String REASON = "ELEMENT_ENDED";
    private static final Logger log = LoggerFactory.getLogger(TaskLivenessSweep.class);

    private final TaskService tasks;
    private final TaskEngine engine;
    private final EngineEpoch epoch;
    private final int batch;

    TaskLivenessSweep(TaskService tasks, TaskEngine engine, EngineEpoch epoch,
            @Value("${summit.tasklist.liveness-batch:200}") int batch) {
        this.tasks = tasks;
        this.engine = engine;
        this.epoch = epoch;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${summit.tasklist.liveness-interval:10s}", initialDelayString = "5s")
    void sweep() {
        int settled = tasks.settleSubmissions(epoch.value());
        if (settled > 0) {
            log.info("{} submissions whose engine answer was lost are settled", settled);
        }
        List<Long> alive = new ArrayList<>();
        for (HumanTask task : tasks.openTasksToCheck(epoch.value(), batch)) {
            switch (engine.probe(task.jobKey())) {
                case ALIVE -> alive.add(task.id());
                case GONE -> {
                    if (tasks.endedByProcess(task, REASON)) {
                        log.info("Task {} ({}) of instance {} left the inbox: the process ended its step", task.id(), task.name(),
                                task.processInstanceKey());
                    }
                }
                case UNKNOWN -> {
                    tasks.confirmAlive(alive);
                    return; // the engine does not answer: try again on the next run
                }
            }
        }
        tasks.confirmAlive(alive);
    }
}
