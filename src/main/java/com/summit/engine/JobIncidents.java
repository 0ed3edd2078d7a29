package com.summit.engine;

import com.summit.base.UserFacingException;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** For admins: the jobs that ran out of retries (incidents), with their errors, and giving one back to the engine. */
@Service
public class JobIncidents {

    private static final Logger log = LoggerFactory.getLogger(JobIncidents.class);
    public static final int RETRIES = 3;

    public record Incident(JobIncidentRepository.JobIncident job, String stepName) {}

    public record Overview(long incidents, long retrying, List<Incident> entries) {}

    private final JobIncidentRepository incidents;
    private final EngineEpoch epoch;
    private final CamundaClient client;
    private final ProcessModels models;
    private final IncidentLookup lookup;
    private final Duration requestTimeout;

    JobIncidents(JobIncidentRepository incidents, EngineEpoch epoch, CamundaClient client, ProcessModels models,
            ObjectProvider<IncidentLookup> lookup, @Value("${summit.engine.request-timeout:10s}") Duration requestTimeout) {
        this.incidents = incidents;
        this.epoch = epoch;
        this.client = client;
        this.models = models;
        this.requestTimeout = requestTimeout;
        this.lookup = lookup.getIfAvailable(() -> new SearchApiIncidentLookup(client, requestTimeout));
    }

    public Overview overview(SummitUser user) {
        requireAdmin(user);
        List<Incident> entries = incidents.incidents(epoch.value(), 200).stream()
                .map(i -> new Incident(i, models.elementName(i.processDefinitionKey(), i.elementId())))
                .toList();
        return new Overview(incidents.countIncidents(epoch.value()), incidents.countRetrying(epoch.value()), entries);
    }

    /**
     * Gives a job that ran out of retries back to the engine: new retries, then its incident resolved, so a worker
     * takes it again. If it fails again, it is recorded again.
     */
    public void retry(long incidentId, SummitUser user) {
        requireAdmin(user);
        ProcessEngine.requireNoTransaction("retrying incident " + incidentId);
        JobIncidentRepository.JobIncident incident = incidents.find(incidentId)
                .filter(i -> i.state() == JobIncidentRepository.State.INCIDENT && i.engineEpoch().equals(epoch.value()))
                .orElseThrow(() -> new UserFacingException("operations.incident.gone"));
        if (!incidents.markRetried(incidentId, user.username())) {
            throw new UserFacingException("operations.incident.gone");
        }
        try {
            client.newUpdateRetriesCommand(incident.jobKey()).retries(RETRIES).requestTimeout(requestTimeout).send().join();
            OptionalLong key = lookup.incidentOf(incident.jobKey());
            if (key.isEmpty()) {
                throw new IllegalStateException("the engine has no open incident for job " + incident.jobKey());
            }
            client.newResolveIncidentCommand(key.getAsLong()).requestTimeout(requestTimeout).send().join();
            log.info("{} gave job {} ({}) back to the engine with {} retries", user.username(), incident.jobKey(), incident.jobType(), RETRIES);
        } catch (ClientStatusException e) {
            incidents.reopen(incidentId);
            if (e.getStatusCode() == io.grpc.Status.Code.NOT_FOUND) {
                throw new UserFacingException(e, "operations.incident.gone");
            }
            throw new EngineUnavailableException(e);
        } catch (RuntimeException e) {
            incidents.reopen(incidentId);
            log.warn("Retrying job {} failed: {}", incident.jobKey(), e.getMessage());
            throw new UserFacingException(e, "operations.incident.retryFailed", e.getMessage());
        }
    }

    private static void requireAdmin(SummitUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new UserFacingException("operations.error.adminsOnly");
        }
    }
}
