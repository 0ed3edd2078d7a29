package com.summit.workbench.service;

import com.summit.base.UserFacingException;
import com.summit.engine.InstanceMigrator;
import com.summit.engine.MigrationRefusedException;
import com.summit.engine.ModelStore;
import com.summit.engine.ModelVersion;
import com.summit.engine.RunningInstances;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.service.TaskRelocation;
import com.summit.workbench.domain.AuditEntry;
import com.summit.workbench.domain.InstanceMigration;
import com.summit.workbench.domain.InstanceMigrationRepository;
import com.summit.workbench.domain.WorkbenchAuditRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Moves running instances of a process onto another of its versions: pick them (all of a version, or by element or
 * stage), map the elements (the same ids map themselves, the rest are the owner's choice), try one, then the rest in
 * batches. Each instance is one engine command: it moves as a whole or stays where it was, and a refusal is kept with
 * the engine's reason. The engine is never called inside a database transaction; the inbox follows each moved
 * instance right after.
 */
@Service
public class InstanceMigrations {

    private static final Logger log = LoggerFactory.getLogger(InstanceMigrations.class);
    static final int BATCH = 50;

    /** A flow element of a version: its id, its name (the id when it has none) and its BPMN type. */
    public record Element(String id, String name, String type) {}

    /** A running instance: where it is, and what it is about where a feature says so (null otherwise). */
    public record Candidate(long processInstanceKey, List<String> activeElementIds, InstanceSubjectSource.Subject subject) {}

    /**
     * One source element: how many of the running instances are in it, the element of the target it maps to by
     * default (same id and type), or null when the owner must choose.
     */
    public record MappingRow(Element source, int instances, String defaultTarget) {
        public boolean needsChoice() {
            return defaultTarget == null && instances > 0;
        }
    }

    /** What the migration page shows for a source and a target version. */
    public record Plan(String resourceName, String bpmnProcessId, int sourceVersion, int targetVersion, List<Candidate> candidates,
            List<MappingRow> rows, List<Element> targetElements) {

        /** The instances of the selection: all, or those active in an element, or those of a stage. */
        public List<Candidate> select(String elementId, String stageCode) {
            return candidates.stream()
                    .filter(c -> elementId == null || c.activeElementIds().contains(elementId))
                    .filter(c -> stageCode == null || (c.subject() != null && stageCode.equals(c.subject().stageCode())))
                    .toList();
        }
    }

    private final ModelStore models;
    private final InstanceMigrator migrator;
    private final TaskRelocation relocation;
    private final InstanceMigrationRepository migrations;
    private final WorkbenchAuditRepository audit;
    private final List<InstanceSubjectSource> subjects;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "summit-instance-migration");
        thread.setDaemon(true);
        return thread;
    });

    InstanceMigrations(ModelStore models, InstanceMigrator migrator, TaskRelocation relocation, InstanceMigrationRepository migrations,
            WorkbenchAuditRepository audit, List<InstanceSubjectSource> subjects) {
        this.models = models;
        this.migrator = migrator;
        this.relocation = relocation;
        this.migrations = migrations;
        this.audit = audit;
        this.subjects = subjects;
    }

    /** A migration that was running when the app stopped waits for its owner to go on with it. */
    @EventListener(ApplicationReadyEvent.class)
    void interruptLeftovers() {
        int interrupted = migrations.interruptRunning();
        if (interrupted > 0) {
            log.warn("{} instance migration(s) were running when Summit stopped; their waiting instances wait to be resumed", interrupted);
        }
    }

    /** The versions of a process model that have running instances, with how many (the current one included). */
    public Map<Integer, Integer> runningByVersion(SummitUser user, String resourceName) {
        WorkbenchAccess.requireOwner(user);
        List<ModelVersion> deployed = deployed(resourceName);
        if (deployed.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        migrator.runningCounts(deployed.getFirst().modelId(), deployed.stream().map(ModelVersion::version).toList())
                .forEach((version, n) -> {
                    if (n > 0) {
                        counts.put(version, n);
                    }
                });
        return counts;
    }

    public Plan plan(SummitUser user, String resourceName, int sourceVersion, int targetVersion) {
        WorkbenchAccess.requireOwner(user);
        ModelVersion source = deployedVersion(resourceName, sourceVersion);
        ModelVersion target = deployedVersion(resourceName, targetVersion);
        if (sourceVersion == targetVersion) {
            throw new UserFacingException("workbench.migration.error.sameVersion", "v" + sourceVersion);
        }
        List<RunningInstances.RunningInstance> running = migrator.running(source.modelId(), sourceVersion);
        Map<Long, InstanceSubjectSource.Subject> named = subjectsOf(source.modelId(), running.stream().map(r -> r.processInstanceKey()).toList());
        List<Candidate> candidates = running.stream()
                .map(r -> new Candidate(r.processInstanceKey(), r.activeElementIds(), named.get(r.processInstanceKey()))).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        running.forEach(r -> r.activeElementIds().stream().distinct().forEach(id -> counts.merge(id, 1, Integer::sum)));
        List<Element> sourceElements = MigrationElements.of(source.content());
        List<Element> targetElements = MigrationElements.of(target.content());
        Map<String, Element> targetById = new LinkedHashMap<>();
        targetElements.forEach(e -> targetById.put(e.id(), e));
        List<MappingRow> rows = new ArrayList<>();
        for (Element e : sourceElements) {
            Element same = targetById.get(e.id());
            rows.add(new MappingRow(e, counts.getOrDefault(e.id(), 0), same != null && same.type().equals(e.type()) ? same.id() : null));
        }
        return new Plan(resourceName, source.modelId(), sourceVersion, targetVersion, candidates, rows, targetElements);
    }

    /**
     * The mapping sent to the engine: every default, with the owner's choices over them (a choice of "" leaves a
     * source element unmapped). A choice must name elements of the two versions.
     */
    public Map<String, String> mapping(Plan plan, Map<String, String> choices) {
        Set<String> sourceIds = new java.util.HashSet<>();
        plan.rows().forEach(r -> sourceIds.add(r.source().id()));
        Set<String> targetIds = new java.util.HashSet<>();
        plan.targetElements().forEach(e -> targetIds.add(e.id()));
        Map<String, String> mapping = new LinkedHashMap<>();
        for (MappingRow row : plan.rows()) {
            if (row.defaultTarget() != null) {
                mapping.put(row.source().id(), row.defaultTarget());
            }
        }
        for (var choice : choices.entrySet()) {
            if (!sourceIds.contains(choice.getKey())) {
                throw new UserFacingException("workbench.migration.error.unknownSource", choice.getKey(), "v" + plan.sourceVersion());
            }
            if (choice.getValue() == null || choice.getValue().isBlank()) {
                mapping.remove(choice.getKey());
            } else if (!targetIds.contains(choice.getValue())) {
                throw new UserFacingException("workbench.migration.error.unknownTarget", choice.getValue(), "v" + plan.targetVersion());
            } else {
                mapping.put(choice.getKey(), choice.getValue());
            }
        }
        return mapping;
    }

    /** Migrates one instance now, as a try before the rest; the result is kept as a migration of its own. */
    public InstanceMigration tryOne(SummitUser user, Plan plan, Map<String, String> choices, long processInstanceKey) {
        WorkbenchAccess.requireOwner(user);
        Candidate candidate = plan.candidates().stream().filter(c -> c.processInstanceKey() == processInstanceKey).findFirst()
                .orElseThrow(() -> new UserFacingException("workbench.migration.error.notRunning", Long.toString(processInstanceKey),
                        "v" + plan.sourceVersion()));
        Map<String, String> mapping = mapping(plan, choices);
        long id = migrations.create(plan.resourceName(), plan.bpmnProcessId(), plan.sourceVersion(), plan.targetVersion(), mapping,
                describe(candidate), true, user.username(), opportunities(List.of(candidate)));
        run(id, user.username(), false);
        return migrations.find(id).orElseThrow();
    }

    /** Starts migrating the chosen instances in batches; returns the migration, whose progress the page follows. */
    public long start(SummitUser user, Plan plan, Map<String, String> choices, Collection<Long> processInstanceKeys, String filter) {
        WorkbenchAccess.requireOwner(user);
        if (processInstanceKeys.isEmpty()) {
            throw new UserFacingException("workbench.migration.error.noneChosen");
        }
        Map<Long, Candidate> byKey = new LinkedHashMap<>();
        plan.candidates().forEach(c -> byKey.put(c.processInstanceKey(), c));
        List<Candidate> chosen = new ArrayList<>();
        for (long key : processInstanceKeys) {
            Candidate c = byKey.get(key);
            if (c == null) {
                throw new UserFacingException("workbench.migration.error.notRunning", Long.toString(key), "v" + plan.sourceVersion());
            }
            chosen.add(c);
        }
        Map<String, String> mapping = mapping(plan, choices);
        long id = migrations.create(plan.resourceName(), plan.bpmnProcessId(), plan.sourceVersion(), plan.targetVersion(), mapping,
                filter, false, user.username(), opportunities(chosen));
        String by = user.username();
        runner.submit(() -> run(id, by, false));
        return id;
    }

    /** Goes on with the waiting instances of an interrupted migration. */
    public void resume(SummitUser user, long migrationId) {
        WorkbenchAccess.requireOwner(user);
        InstanceMigration m = migrations.find(migrationId).orElseThrow(() -> new UserFacingException("workbench.migration.error.notFound"));
        if (m.state() != InstanceMigration.State.INTERRUPTED) {
            throw new UserFacingException("workbench.migration.error.notInterrupted");
        }
        migrations.resume(migrationId);
        String by = user.username();
        runner.submit(() -> run(migrationId, by, true));
    }

    public InstanceMigration migration(SummitUser user, long migrationId) {
        WorkbenchAccess.requireOwner(user);
        return migrations.find(migrationId).orElseThrow(() -> new UserFacingException("workbench.migration.error.notFound"));
    }

    public List<InstanceMigration.Item> items(SummitUser user, long migrationId) {
        WorkbenchAccess.requireOwner(user);
        return migrations.items(migrationId);
    }

    public List<InstanceMigration> history(SummitUser user, String resourceName) {
        WorkbenchAccess.requireOwner(user);
        return migrations.ofResource(resourceName, 20);
    }

    /**
     * Runs a migration's waiting instances, batch by batch. An instance that the engine already moved (a run cut
     * short between the engine's answer and our record of it) is found on the target version and recorded, not sent
     * again. If the engine goes away, the rest waits and the migration is interrupted.
     */
    void run(long migrationId, String by, boolean resumed) {
        InstanceMigration m = migrations.find(migrationId).orElseThrow();
        long target = migrator.definitionKey(m.bpmnProcessId(), m.targetVersion())
                .orElseThrow(() -> new IllegalStateException(m.bpmnProcessId() + " v" + m.targetVersion() + " is not deployed"));
        Set<Long> alreadyThere = null;
        try {
            List<Long> pending = migrations.pending(migrationId);
            for (int from = 0; from < pending.size(); from += BATCH) {
                for (long key : pending.subList(from, Math.min(pending.size(), from + BATCH))) {
                    if (alreadyThere == null && resumed) {
                        alreadyThere = new java.util.HashSet<>();
                        for (var r : migrator.running(m.bpmnProcessId(), m.targetVersion())) {
                            alreadyThere.add(r.processInstanceKey());
                        }
                    }
                    try {
                        if (alreadyThere == null || !alreadyThere.contains(key)) {
                            migrator.migrate(key, target, m.mapping());
                        }
                        int moved = relocation.relocate(key, target, m.targetVersion(), m.mapping(), by);
                        migrations.recordMigrated(migrationId, key, moved);
                    } catch (MigrationRefusedException refused) {
                        migrations.recordRefused(migrationId, key, refused.reason());
                    }
                }
            }
            migrations.finish(migrationId);
            InstanceMigration done = migrations.find(migrationId).orElseThrow();
            audit.add(by, AuditEntry.Action.MIGRATED, m.resourceName(), null, null, "v" + m.sourceVersion() + " → v" + m.targetVersion()
                    + (m.dryRun() ? " (try)" : "") + ": " + done.migrated() + " migrated, " + done.refused() + " refused"
                    + (m.filter() == null ? "" : " · " + m.filter()));
            log.info("{} migrated {} instances of {} from v{} to v{} ({} refused)", by, done.migrated(), m.bpmnProcessId(),
                    m.sourceVersion(), m.targetVersion(), done.refused());
        } catch (RuntimeException e) {
            // the engine went away, or the database: what is not recorded waits, and the page says the run stopped
            migrations.interrupt(migrationId);
            log.error("Migration {} of {} stopped; its waiting instances wait to be resumed", migrationId, m.bpmnProcessId(), e);
        }
    }

    private String describe(Candidate c) {
        return c.subject() == null ? Long.toString(c.processInstanceKey()) : c.subject().name();
    }

    private Map<Long, Long> opportunities(List<Candidate> chosen) {
        Map<Long, Long> result = new LinkedHashMap<>();
        chosen.forEach(c -> result.put(c.processInstanceKey(), c.subject() == null ? null : c.subject().recordId()));
        return result;
    }

    /** Every stage the instances of a process can be in (code and the message key of its name), for words about a filter. */
    public Map<String, String> stages(SummitUser user, String bpmnProcessId) {
        WorkbenchAccess.requireOwner(user);
        Map<String, String> result = new LinkedHashMap<>();
        subjects.stream().filter(s -> s.bpmnProcessId().equals(bpmnProcessId)).forEach(s -> result.putAll(s.stages()));
        return result;
    }

    private Map<Long, InstanceSubjectSource.Subject> subjectsOf(String bpmnProcessId, List<Long> keys) {
        Map<Long, InstanceSubjectSource.Subject> result = new java.util.HashMap<>();
        subjects.stream().filter(s -> s.bpmnProcessId().equals(bpmnProcessId)).forEach(s -> result.putAll(s.subjects(keys)));
        return result;
    }

    private List<ModelVersion> deployed(String resourceName) {
        return models.versionsOf(resourceName).stream()
                .filter(v -> v.state() == ModelVersion.State.DEPLOYED && v.kind() == ModelVersion.Kind.BPMN).toList();
    }

    private ModelVersion deployedVersion(String resourceName, int version) {
        return deployed(resourceName).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new UserFacingException("workbench.migration.error.noVersion", resourceName, "v" + version));
    }
}
