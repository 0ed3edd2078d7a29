package com.summit.workbench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.summit.engine.ModelVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a change does to a model, element by element: for a process, the flow elements added, removed and changed (by
 * id, at any depth of sub-process); for decision tables, the decisions, columns and rules (row by row); for a form, its
 * fields. A change of layout only (the diagram's shapes) is no change. Pure: reads the two contents, nothing else.
 */
public final class ModelDiff {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String DMN_NS_PREFIX = "https://www.omg.org/spec/DMN/";

    private ModelDiff() {}

    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One element that differs. {@code type}: the BPMN or DMN element's local name ({@code userTask}, {@code rule}) or
     * the form field's type; {@code before} and {@code after}: what it read (a name, a rule as a row), null where absent;
     * {@code parts}: for a change, what of it changed ({@code name}, {@code formDefinition}, {@code conditionExpression}…).
     */
    public record Change(Kind kind, String elementId, String type, String name, String before, String after, List<String> parts,
            String containerId) {}

    /** The changes from {@code before} (null for a new file) to {@code after}, in the order of the new model, removals last. */
    public static List<Change> of(ModelVersion.Kind kind, String before, String after) {
        try {
            return switch (kind) {
                case BPMN -> compare(bpmnElements(before), bpmnElements(after));
                case DMN -> compare(dmnElements(before), dmnElements(after));
                case FORM -> compare(formElements(before), formElements(after));
            };
        } catch (Exception e) {
            throw new IllegalArgumentException("the models cannot be compared: " + e.getMessage(), e);
        }
    }

    /** An element as compared: its type, shown name, shown text, and its parts' canonical forms. */
    private record Item(String type, String name, String text, Map<String, String> parts, String container) {

        Item(String type, String name, String text, Map<String, String> parts) {
            this(type, name, text, parts, null);
        }
    }

    private static List<Change> compare(Map<String, Item> before, Map<String, Item> after) {
        List<Change> changes = new ArrayList<>();
        after.forEach((id, now) -> {
            Item was = before.get(id);
            if (was == null) {
                changes.add(new Change(Kind.ADDED, id, now.type(), now.name(), null, now.text(), List.of(), now.container()));
                return;
            }
            List<String> parts = new ArrayList<>();
            if (!was.type().equals(now.type())) {
                parts.add("type");
            }
            java.util.Set<String> names = new java.util.TreeSet<>(was.parts().keySet());
            names.addAll(now.parts().keySet());
            for (String part : names) {
                if (!java.util.Objects.equals(was.parts().get(part), now.parts().get(part))) {
                    parts.add(part);
                }
            }
            if (!parts.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, id, now.type(), now.name(), was.text(), now.text(), List.copyOf(parts), now.container()));
            }
        });
        before.forEach((id, was) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(Kind.REMOVED, id, was.type(), was.name(), was.text(), null, List.of(), was.container()));
            }
        });
        return changes;
    }

    // --- BPMN: the flow elements of every process and sub-process ---

    private static Map<String, Item> bpmnElements(String xml) throws Exception {
        Map<String, Item> items = new LinkedHashMap<>();
        if (xml == null) {
            return items;
        }
        Element root = parse(xml);
        for (Element process : children(root, BPMN_NS, "process")) {
            Map<String, String> parts = new TreeMap<>();
            parts.put("name", process.getAttribute("name"));
            for (Element extensions : children(process, BPMN_NS, "extensionElements")) {
                for (Element extension : children(extensions, null, null)) {
                    parts.merge(extension.getLocalName(), canonical(extension), String::concat);
                }
            }
            String name = blankToNull(process.getAttribute("name"));
            items.put(process.getAttribute("id"), new Item("process", name, name, parts));
            collectFlowElements(process, items, null);
        }
        return items;
    }

    private static void collectFlowElements(Element container, Map<String, Item> items, String containerId) {
        for (Element e : children(container, BPMN_NS, null)) {
            String local = e.getLocalName();
            if (e.getAttribute("id").isEmpty() || local.equals("extensionElements") || local.equals("incoming") || local.equals("outgoing")
                    || local.equals("documentation")) {
                continue;
            }
            Map<String, String> parts = new TreeMap<>();
            parts.put("name", e.getAttribute("name"));
            TreeMap<String, String> attributes = new TreeMap<>();
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Node a = e.getAttributes().item(i);
                String an = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
                if (!an.equals("name") && !an.equals("id") && !"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                    attributes.put(an, a.getNodeValue());
                }
            }
            // each attribute a part of its own, so a change names it ("@targetRef")
            attributes.forEach((name, value) -> parts.put("@" + name, value));
            boolean container2 = local.equals("subProcess") || local.equals("transaction") || local.equals("adHocSubProcess");
            for (Element child : children(e, null, null)) {
                String cl = child.getLocalName();
                if (cl.equals("incoming") || cl.equals("outgoing") || (container2 && BPMN_NS.equals(child.getNamespaceURI())
                        && !child.getAttribute("id").isEmpty() && !cl.endsWith("EventDefinition"))) {
                    continue;
                }
                if (cl.equals("extensionElements")) {
                    for (Element extension : children(child, null, null)) {
                        parts.merge(extension.getLocalName(), canonical(extension), String::concat);
                    }
                } else {
                    parts.merge(cl, canonical(child), String::concat);
                }
            }
            items.put(e.getAttribute("id"), new Item(local, blankToNull(e.getAttribute("name")), blankToNull(e.getAttribute("name")), parts,
                    containerId));
            if (container2) {
                collectFlowElements(e, items, e.getAttribute("id"));
            }
        }
    }

    // --- DMN: decisions, their columns and rules ---

    private static Map<String, Item> dmnElements(String xml) throws Exception {
        Map<String, Item> items = new LinkedHashMap<>();
        if (xml == null) {
            return items;
        }
        Element root = parse(xml);
        for (Element decision : children(root, null, "decision")) {
            String decisionName = decision.getAttribute("name");
            Map<String, String> parts = new TreeMap<>();
            parts.put("name", decisionName);
            items.put(decision.getAttribute("id"), new Item("decision", blankToNull(decisionName), blankToNull(decisionName), parts));
            for (Element table : children(decision, null, "decisionTable")) {
                if (!table.getAttribute("hitPolicy").isEmpty()) {
                    parts.put("hitPolicy", table.getAttribute("hitPolicy"));
                }
                int row = 0;
                for (Element column : children(table, null, null)) {
                    String cl = column.getLocalName();
                    if (cl.equals("input") || cl.equals("output")) {
                        String label = column.getAttribute("label").isEmpty() ? column.getAttribute("name") : column.getAttribute("label");
                        Map<String, String> cp = new TreeMap<>();
                        cp.put("label", label);
                        cp.put("expression", canonical(column));
                        items.put(column.getAttribute("id"), new Item(cl, blankToNull(label), text(column), cp));
                    } else if (cl.equals("rule")) {
                        row++;
                        Map<String, String> rp = new TreeMap<>();
                        rp.put("entries", ruleText(column));
                        rp.put("description", children(column, null, "description").stream().map(ModelDiff::text).findFirst().orElse(""));
                        String id = column.getAttribute("id").isEmpty() ? decision.getAttribute("id") + "#" + row : column.getAttribute("id");
                        items.put(id, new Item("rule", decisionName + " · " + row, ruleText(column), rp));
                    }
                }
            }
        }
        return items;
    }

    /** A rule as one row: its input entries, then its outputs ("&gt;= 4 | - → true"). */
    private static String ruleText(Element rule) {
        List<String> inputs = children(rule, null, "inputEntry").stream().map(ModelDiff::text).map(t -> t.isEmpty() ? "-" : t).toList();
        List<String> outputs = children(rule, null, "outputEntry").stream().map(ModelDiff::text).toList();
        return String.join(" | ", inputs) + " → " + String.join(" | ", outputs);
    }

    // --- forms: the fields, at any depth of group ---

    private static Map<String, Item> formElements(String json) throws IOException {
        Map<String, Item> items = new LinkedHashMap<>();
        if (json == null) {
            return items;
        }
        collectFields(JSON.readTree(json).path("components"), items);
        return items;
    }

    private static void collectFields(JsonNode components, Map<String, Item> items) {
        for (JsonNode c : components) {
            String id = c.path("id").asText(c.path("key").asText(""));
            if (id.isEmpty()) {
                continue;
            }
            String label = c.has("label") ? c.path("label").asText() : c.has("text") ? c.path("text").asText() : null;
            Map<String, String> parts = new TreeMap<>();
            c.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("id") && !f.getKey().equals("components") && !f.getKey().equals("layout")) {
                    parts.put(f.getKey(), f.getValue().toString());
                }
            });
            String key = c.path("key").asText(null);
            String shown = label == null ? key : label.length() > 80 ? label.substring(0, 80) + "…" : label;
            items.put(id, new Item(c.path("type").asText(""), shown, key == null ? shown : key + " · " + shown, parts));
            if (c.path("components").isArray()) {
                collectFields(c.path("components"), items);
            }
        }
    }

    // --- XML helpers ---

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    /** The element children of {@code parent}, of a namespace and local name where given. */
    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && (namespace == null || namespace.equals(e.getNamespaceURI())
                    || (namespace.equals(DMN_NS_PREFIX) && e.getNamespaceURI() != null && e.getNamespaceURI().startsWith(DMN_NS_PREFIX)))
                    && (localName == null || localName.equals(e.getLocalName()))) {
                list.add(e);
            }
        }
        return list;
    }

    /** An element with its attributes (sorted) and children, whitespace between them ignored. */
    private static String canonical(Element e) {
        StringBuilder s = new StringBuilder("<").append(e.getLocalName());
        TreeMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                attributes.put(a.getLocalName() == null ? a.getNodeName() : a.getLocalName(), a.getNodeValue());
            }
        }
        attributes.forEach((k, v) -> s.append(' ').append(k).append("=\"").append(v).append('"'));
        s.append('>');
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element child) {
                s.append(canonical(child));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                s.append(n.getNodeValue().strip());
            }
        }
        return s.append("</").append(e.getLocalName()).append('>').toString();
    }

    private static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
