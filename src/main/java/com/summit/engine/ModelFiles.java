package com.summit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a model file is: its kind by its name, and the id and name of the process, decisions or form inside. */
final class ModelFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFiles() {}

    record Described(ModelVersion.Kind kind, String modelId, String modelName) {}

    static ModelVersion.Kind kind(String resourceName) {
        String name = resourceName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".bpmn")) {
            return ModelVersion.Kind.BPMN;
        }
        if (name.endsWith(".dmn")) {
            return ModelVersion.Kind.DMN;
        }
        if (name.endsWith(".form")) {
            return ModelVersion.Kind.FORM;
        }
        throw new IllegalArgumentException("not a model file: " + resourceName);
    }

    /** The model's id and name: the first process of a BPMN, the definitions of a DMN, a form's id. */
    static Described describe(String resourceName, String content) {
        ModelVersion.Kind kind = kind(resourceName);
        try {
            if (kind == ModelVersion.Kind.FORM) {
                JsonNode form = JSON.readTree(content);
                return new Described(kind, text(form.path("id").asText(null), resourceName), null);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            if (kind == ModelVersion.Kind.DMN) {
                return new Described(kind, text(root.getAttribute("id"), resourceName), blankToNull(root.getAttribute("name")));
            }
            NodeList processes = root.getElementsByTagNameNS("*", "process");
            if (processes.getLength() == 0) {
                return new Described(kind, resourceName, null);
            }
            Element process = (Element) processes.item(0);
            return new Described(kind, text(process.getAttribute("id"), resourceName), blankToNull(process.getAttribute("name")));
        } catch (Exception e) {
            throw new IllegalArgumentException(resourceName + " cannot be read as a " + kind + " model: " + e.getMessage(), e);
        }
    }

    static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
