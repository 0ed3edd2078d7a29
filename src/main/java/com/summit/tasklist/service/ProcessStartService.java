package com.summit.tasklist.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.base.UserFacingException;
import com.summit.base.ValidationException;
import com.summit.engine.DeployedForm;
import com.summit.engine.ProcessEngine;
import com.summit.engine.ProcessModels;
import com.summit.security.domain.SummitUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starting a process from the task list through its start form. The model says which processes have one
 * and who may start them; the values are checked against the form's schema on the server, as for a task.
 */
@Service
public class ProcessStartService {

    private static final Logger log = LoggerFactory.getLogger(ProcessStartService.class);

    private final ProcessModels models;
    private final ProcessEngine engine;
    private final FormValidator validator;
    private final FormLocalizer localizer;
    private final Map<String, ProcessStarter> starters = new LinkedHashMap<>();
    private final ObjectMapper json;

    ProcessStartService(ProcessModels models, ProcessEngine engine, FormValidator validator, FormLocalizer localizer,
            List<ProcessStarter> starters, ObjectMapper json) {
        this.models = models;
        this.engine = engine;
        this.validator = validator;
        this.localizer = localizer;
        starters.forEach(s -> this.starters.put(s.bpmnProcessId(), s));
        this.json = json;
    }

    /** The processes this user may start, by name. */
    public List<ProcessModels.StartableProcess> startable(SummitUser user) {
        return models.startable().stream().filter(p -> p.mayBeStartedBy(user.groups()))
                .filter(p -> engine.latestForm(p.formId()).isPresent()).toList();
    }

    /** The same, each named in the user's language (the start menu). */
    public List<ProcessModels.StartableProcess> startable(SummitUser user, Locale locale) {
        return startable(user).stream().map(p -> new ProcessModels.StartableProcess(p.bpmnProcessId(),
                localizer.processName(p.bpmnProcessId(), p.name(), locale), p.formId(), p.starterGroups())).toList();
    }

    public StartForm open(String bpmnProcessId, SummitUser user, Locale locale) {
        ProcessModels.StartableProcess process = permitted(bpmnProcessId, user);
        DeployedForm form = form(process);
        return new StartForm(process.bpmnProcessId(), localizer.processName(process.bpmnProcessId(), process.name(), locale),
                localizer.localize(form.schemaJson(), locale),
                write(formData(process, user, locale)), localizer.viewerStrings(locale));
    }

    /**
     * Starts the process with the submitted values: refused with a message per field when they break the
     * form's rules (nothing is started), and with a message when the engine does not answer.
     */
    public Long start(String bpmnProcessId, SummitUser user, String submittedJson, Locale locale) {
        ProcessModels.StartableProcess process = permitted(bpmnProcessId, user);
        DeployedForm form = form(process);
        FormValidator.Result result = validator.validate(form.schemaJson(), submittedJson, formData(process, user, locale), locale);
        if (!result.valid()) {
            throw new ValidationException(result.errors());
        }
        ProcessStarter starter = starters.get(bpmnProcessId);
        Long instance;
        if (starter != null) {
            instance = starter.start(result.values(), user);
        } else {
            Map<String, Object> variables = new LinkedHashMap<>(result.values());
            variables.put("startedBy", user.username());
            instance = engine.start(bpmnProcessId, variables);
        }
        log.info("{} started {} from its start form: instance {}", user.username(), bpmnProcessId, instance);
        return instance;
    }

    private ProcessModels.StartableProcess permitted(String bpmnProcessId, SummitUser user) {
        ProcessModels.StartableProcess process = models.startable(bpmnProcessId)
                .orElseThrow(() -> new UserFacingException("start.error.notStartable"));
        if (!process.mayBeStartedBy(user.groups())) {
            throw new UserFacingException("start.error.forbidden", new com.summit.base.i18n.Messages.Key("bpmn." + process.bpmnProcessId() + ".name", process.name()));
        }
        return process;
    }

    private DeployedForm form(ProcessModels.StartableProcess process) {
        return engine.latestForm(process.formId()).orElseThrow(() -> new UserFacingException("start.error.notStartable"));
    }

    private Map<String, Object> formData(ProcessModels.StartableProcess process, SummitUser user, Locale locale) {
        return Optional.ofNullable(starters.get(process.bpmnProcessId())).map(s -> s.formData(user, locale)).orElse(Map.of());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
