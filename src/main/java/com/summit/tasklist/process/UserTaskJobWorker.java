package com.summit.tasklist.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.engine.EngineEpoch;
import com.summit.engine.ProcessModels;
import com.summit.tasklist.domain.NewTask;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Captures every job-worker user task of every deployed process into the inbox. The job stays
 * activated (a long timeout) until a person submits the form; if it times out and is activated again,
 * the job key is the same and the inbox keeps its single row.
 */
@Component
public class UserTaskJobWorker {

    static final String JOB_TYPE = "io.camunda.zeebe:userTask";
    static final String HEADER_FORM_KEY = "io.camunda.zeebe:formKey";
    static final String HEADER_ASSIGNEE = "io.camunda.zeebe:assignee";
    static final String HEADER_CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
    static final String HEADER_CANDIDATE_USERS = "io.camunda.zeebe:candidateUsers";
    static final String HEADER_DUE_DATE = "io.camunda.zeebe:dueDate";
    static final String HEADER_FOLLOW_UP_DATE = "io.camunda.zeebe:followUpDate";
    /** The engine sends no priority for this kind of task: the models carry it as a custom header. */
    static final String HEADER_PRIORITY = "priority";
    static final int DEFAULT_PRIORITY = 50;
    private static final java.time.format.DateTimeFormatter DATE_TIME = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter();

    private static final Logger log = LoggerFactory.getLogger(UserTaskJobWorker.class);

    private final TaskService tasks;
    private final EngineEpoch epoch;
    private final ProcessModels models;
    private final ObjectMapper json;
    private final List<com.summit.engine.InstanceOwnership> ownership;
    private final com.summit.engine.ProcessEngine engine;

    UserTaskJobWorker(TaskService tasks, EngineEpoch epoch, ProcessModels models, ObjectMapper json,
            List<com.summit.engine.InstanceOwnership> ownership, com.summit.engine.ProcessEngine engine) {
        this.ownership = ownership;
        this.engine = engine;
        this.tasks = tasks;
        this.epoch = epoch;
        this.models = models;
        this.json = json;
    }

    @JobWorker(type = JOB_TYPE, autoComplete = false, timeout = 30L * 24 * 3600 * 1000, fetchAllVariables = true,
            maxJobsActive = 64)
    public void capture(ActivatedJob job) {
        Map<String, String> headers = job.getCustomHeaders();
        Map<String, Object> variables = job.getVariablesAsMap();
        if (ownership.stream().anyMatch(o -> o.check(job.getBpmnProcessId(), job.getProcessInstanceKey(), variables)
                == com.summit.engine.InstanceOwnership.Verdict.STRAY)) {
            // a second instance of a record that runs in another (a start asked twice): its work never reaches an inbox
            log.warn("Instance {} of {} is a stray: its task {} is not offered and the instance is cancelled",
                    job.getProcessInstanceKey(), job.getBpmnProcessId(), job.getElementId());
            try {
                engine.cancel(job.getProcessInstanceKey());
            } catch (io.camunda.client.api.command.ClientStatusException gone) {
                if (gone.getStatusCode() != io.grpc.Status.Code.NOT_FOUND) {
                    throw gone;
                }
                // cancelled already (by its other task, or by the start that lost the claim)
            }
            return;
        }
        NewTask task = new NewTask(
                job.getKey(),
                epoch.value(),
                job.getProcessInstanceKey(),
                job.getProcessDefinitionKey(),
                job.getBpmnProcessId(),
                job.getElementId(),
                job.getElementInstanceKey(),
                models.elementName(job.getProcessDefinitionKey(), job.getElementId()),
                parseLong(headers.get(HEADER_FORM_KEY)),
                blankToNull(headers.get(HEADER_ASSIGNEE)),
                list(headers.get(HEADER_CANDIDATE_GROUPS)),
                list(headers.get(HEADER_CANDIDATE_USERS)),
                instant(headers.get(HEADER_DUE_DATE)),
                instant(headers.get(HEADER_FOLLOW_UP_DATE)),
                priority(headers.get(HEADER_PRIORITY)),
                job.getVariables(),
                variables.get("opportunityId") instanceof Number n ? n.longValue() : null);
        tasks.capture(task);
    }

    private List<String> list(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.asList(json.readValue(header, String[].class));
        } catch (JsonProcessingException e) {
            return Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int priority(String value) {
        try {
            return value == null || value.isBlank() ? DEFAULT_PRIORITY : Math.clamp(Integer.parseInt(value.strip()), 0, 100);
        } catch (NumberFormatException e) {
            log.warn("Ignoring a priority header that is not a number: {}", value);
            return DEFAULT_PRIORITY;
        }
    }

    /** ISO 8601, with or without an offset, also as FEEL writes it with a zone id ({@code …[Asia/Shanghai]} or {@code …@Asia/Shanghai}). */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        int at = text.indexOf('@');
        if (at > 0) {
            text = text.substring(0, at) + "[" + text.substring(at + 1) + "]";
        }
        try {
            java.time.temporal.TemporalAccessor parsed = DATE_TIME.parse(text);
            if (parsed.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
                return Instant.from(parsed);
            }
            java.time.ZoneId zone = parsed.query(java.time.temporal.TemporalQueries.zone());
            return java.time.LocalDateTime.from(parsed).atZone(zone == null ? java.time.ZoneOffset.UTC : zone).toInstant();
        } catch (DateTimeParseException e) {
            log.warn("Ignoring a date header that is not ISO 8601: {}", value);
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
