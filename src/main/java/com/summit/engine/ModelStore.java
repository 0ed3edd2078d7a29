package com.summit.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where the models live (DESIGN.md): PostgreSQL keeps every version of every process, decision table and form. The
 * files of {@code bpmn/} and {@code forms/} are the seed, the first version on an empty database; a file of the app
 * that differs from every version known becomes a proposal for the process owner, and never replaces what they
 * deployed. What the engine gets at start-up comes from here: every deployed version again, in order, for the embedded
 * engine (it forgets its deployments, and its version numbers then line up with Summit's); the current version of each
 * file for a cluster (which remembers, and skips what it has).
 */
@Service
public class ModelStore {

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    /** Who the versions seeded from the app's files are by. */
    public static final String SYSTEM = "SYSTEM";

    private final ModelVersionRepository versions;
    private final ProcessEngine engine;

    ModelStore(ModelVersionRepository versions, ProcessEngine engine) {
        this.versions = versions;
        this.engine = engine;
    }

    /** A model file of the app: its name and content. */
    public record ModelFile(String resourceName, String content) {}

    /**
     * Registers the app's files: a file with no version yet is its first version, deployed; one that differs from
     * every version of its file is proposed. Returns the proposals made.
     */
    public List<ModelVersion> registerFiles(List<ModelFile> files) {
        List<ModelVersion> proposed = new ArrayList<>();
        for (ModelFile file : files) {
            ModelFiles.Described d = ModelFiles.describe(file.resourceName(), file.content());
            List<ModelVersion> known = versions.ofResource(file.resourceName());
            if (known.isEmpty()) {
                versions.insert(new ModelVersionRepository.NewVersion(file.resourceName(), d.kind(), d.modelId(), d.modelName(),
                        ModelVersion.State.DEPLOYED, ModelVersion.Origin.SEED, file.content(), d.kind().folder() + "/" + file.resourceName(),
                        null, SYSTEM));
                continue;
            }
            if (versions.hasContent(file.resourceName(), ModelFiles.hash(file.content()))) {
                continue;
            }
            versions.insert(new ModelVersionRepository.NewVersion(file.resourceName(), d.kind(), d.modelId(), d.modelName(),
                    ModelVersion.State.PROPOSED, ModelVersion.Origin.FILE, file.content(), null, null, SYSTEM))
                    .flatMap(versions::find).ifPresent(v -> {
                        log.info("The app's {} differs from every version in the database: proposed for review, not deployed", v.path());
                        proposed.add(v);
                    });
        }
        return proposed;
    }

    /**
     * What to deploy at start-up, one deployment after the other. For the embedded engine, which forgot everything:
     * every deployed version again, the first versions of all files together, then the second ones, and so on (each
     * file's versions in order, so the engine numbers them as Summit did). For a cluster: one deployment of the current
     * version of each file.
     */
    public List<List<ModelVersion>> startupDeployments(boolean engineForgets) {
        if (!engineForgets) {
            List<ModelVersion> current = versions.current();
            return current.isEmpty() ? List.of() : List.of(current);
        }
        Map<String, List<ModelVersion>> byFile = new LinkedHashMap<>();
        versions.deployed().forEach(v -> byFile.computeIfAbsent(v.resourceName(), k -> new ArrayList<>()).add(v));
        List<List<ModelVersion>> rounds = new ArrayList<>();
        for (int i = 0; ; i++) {
            List<ModelVersion> round = new ArrayList<>();
            for (List<ModelVersion> list : byFile.values()) {
                if (list.size() > i) {
                    round.add(list.get(i));
                }
            }
            if (round.isEmpty()) {
                return rounds;
            }
            rounds.add(round);
        }
    }

    /**
     * Deploys new content of a model file to the engine and keeps it as the file's next version, with who, why and
     * its tag. The engine is asked first, with no transaction open; a refusal leaves nothing recorded.
     */
    public ModelVersion deployNew(String resourceName, String content, ModelVersion.Origin origin, String comment, String versionTag,
            String by) {
        ProcessEngine.requireNoTransaction("deploy " + resourceName);
        ModelFiles.Described d = ModelFiles.describe(resourceName, content);
        int engineVersion = engine.deploy(resourceName, content.getBytes(StandardCharsets.UTF_8));
        long id = versions.insert(new ModelVersionRepository.NewVersion(resourceName, d.kind(), d.modelId(), d.modelName(),
                ModelVersion.State.DEPLOYED, origin, content, comment, versionTag, by))
                .orElseThrow(() -> new IllegalStateException("the version of " + resourceName + " was deployed but not recorded"));
        versions.engineVersion(id, engineVersion);
        ModelVersion deployed = versions.find(id).orElseThrow();
        log.info("{} deployed {} as version {} (the engine's {})", by, deployed.path(), deployed.version(), engineVersion);
        return deployed;
    }

    /**
     * Keeps new content of a model file as a proposal (by the workbench or a roll-back); the same content proposed
     * before is that proposal again. Deploys nothing.
     */
    public ModelVersion propose(String resourceName, String content, ModelVersion.Origin origin, String comment, String versionTag,
            String by) {
        ModelFiles.Described d = ModelFiles.describe(resourceName, content);
        return versions.insert(new ModelVersionRepository.NewVersion(resourceName, d.kind(), d.modelId(), d.modelName(),
                        ModelVersion.State.PROPOSED, origin, content, comment, versionTag, by))
                .flatMap(versions::find)
                .or(() -> versions.proposalWithContent(resourceName, ModelFiles.hash(content)))
                .orElseThrow(() -> new IllegalStateException("the proposal of " + resourceName + " was neither stored nor found"));
    }

    /**
     * Deploys a proposal to the engine, as one deployment, and makes it the model file's next version. The engine is
     * asked first, with no transaction open: a refusal ({@link io.camunda.client.api.command.ClientStatusException}
     * and the like) leaves the proposal as it was.
     */
    public ModelVersion deployProposal(long proposalId, String by) {
        ProcessEngine.requireNoTransaction("deploy proposal " + proposalId);
        ModelVersion proposal = versions.find(proposalId).orElseThrow(() -> new IllegalArgumentException("no proposal " + proposalId));
        if (proposal.state() != ModelVersion.State.PROPOSED) {
            throw new IllegalStateException(proposal.path() + " proposal " + proposalId + " is " + proposal.state());
        }
        int engineVersion = engine.deploy(proposal.resourceName(), proposal.content().getBytes(StandardCharsets.UTF_8));
        if (!versions.markDeployed(proposalId, by, engineVersion)) {
            throw new IllegalStateException(proposal.path() + " proposal " + proposalId + " was deployed but had stopped being a proposal");
        }
        ModelVersion deployed = versions.find(proposalId).orElseThrow();
        log.info("{} deployed {} as version {} (the engine's {})", by, deployed.path(), deployed.version(), engineVersion);
        return deployed;
    }

    /** Ends a proposal without deploying it; false when it was no proposal any more. */
    public boolean reject(long proposalId) {
        return versions.markRejected(proposalId);
    }

    /** The number the model file's next deployed version will have. */
    public int nextNumber(String resourceName) {
        return versions.lastNumber(resourceName) + 1;
    }

    /** Records the engine's number for a deployed version. */
    void recordEngineVersion(ModelVersion version, int engineVersion) {
        versions.engineVersion(version.id(), engineVersion);
    }

    /** The current (latest deployed) version of every model file. */
    public List<ModelVersion> current() {
        return versions.current();
    }

    /** The current (latest deployed) version of one model file; empty for a file never deployed. */
    public Optional<ModelVersion> currentOf(String resourceName) {
        return versions.currentOf(resourceName);
    }

    /** Every version of a model file, oldest first. */
    public List<ModelVersion> versionsOf(String resourceName) {
        return versions.ofResource(resourceName);
    }

    public Optional<ModelVersion> version(long id) {
        return versions.find(id);
    }

    /** How many proposals wait, per model file. */
    public Map<String, Integer> proposals() {
        return versions.proposalsByResource();
    }

    /** The current version of every model as a zip with the repository's layout ({@code bpmn/…}, {@code forms/…}). */
    public byte[] currentAsZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ModelVersion v : versions.current()) {
                zip.putNextEntry(new ZipEntry(v.path()));
                zip.write(v.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
