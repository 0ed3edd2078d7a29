package com.summit.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.agrona.DirectBuffer;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.springframework.stereotype.Component;

/**
 * Decision tables evaluated outside the engine, with the DMN engine Zeebe itself embeds (dmn-scala, through Zeebe's
 * own wrapper): a draft table's answers on live facts before it is deployed, beside the running table's. A parsed
 * table may be evaluated from several threads at once: each thread evaluates with an engine of its own, since the
 * wrapper writes its output through a buffer it keeps.
 */
@Component
public class DecisionPreview {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DecisionEngine dmn = DecisionEngineFactory.createDecisionEngine();
    private final ThreadLocal<DecisionEngine> evaluating = ThreadLocal.withInitial(DecisionEngineFactory::createDecisionEngine);

    /** A parsed set of decision tables, to evaluate many times. */
    public record Tables(ParsedDecisionRequirementsGraph graph) {}

    /** Parses a DMN file; a file the engine cannot read is an IllegalArgumentException with the engine's reason. */
    public synchronized Tables parse(String dmnXml) {
        ParsedDecisionRequirementsGraph graph = dmn.parse(new ByteArrayInputStream(dmnXml.getBytes(StandardCharsets.UTF_8)));
        if (!graph.isValid()) {
            throw new IllegalArgumentException(graph.getFailureMessage());
        }
        return new Tables(graph);
    }

    /**
     * The rules two versions of a decision table do not share, parsed as a table of their own (see {@link DecisionDelta}),
     * or empty when the whole tables must be compared for every case.
     */
    public Optional<Tables> changedRules(String beforeXml, String afterXml, String decisionId) {
        return DecisionDelta.of(beforeXml, afterXml, decisionId).flatMap(delta -> {
            try {
                return Optional.of(parse(delta));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether a case may be answered differently: one of the changed rules matches it (or the engine could not tell,
     * in which case the whole tables will).
     */
    public boolean mayDiffer(Tables changedRules, String decisionId, Map<String, Object> facts) {
        try {
            // no rule matched: the engine answers nothing (nil), or an empty list
            Object matched = evaluate(changedRules, decisionId, facts);
            return !(matched == null || matched instanceof java.util.Collection<?> rules && rules.isEmpty());
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** The decision's output for these facts, as the engine gives it to a process (a value, a map, or a list of them). */
    public Object evaluate(Tables tables, String decisionId, Map<String, Object> facts) {
        DecisionEvaluationResult result = evaluating.get().evaluateDecisionById(tables.graph(), decisionId, () -> facts);
        if (result.isFailure()) {
            throw new IllegalStateException(decisionId + ": " + result.getFailureMessage());
        }
        return toJava(result.getOutput());
    }

    private static Object toJava(DirectBuffer output) {
        byte[] bytes = new byte[output.capacity()];
        output.getBytes(0, bytes);
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            return JSON.readValue(unpacker.unpackValue().toJson(), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("a decision's output could not be read", e);
        }
    }
}
