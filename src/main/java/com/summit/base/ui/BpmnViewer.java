package com.summit.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Collection;

/** A read-only BPMN diagram (bpmn-js) with the current steps highlighted. */
@Tag("summit-bpmn-viewer")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@JsModule("./summit-bpmn-viewer.js")
public class BpmnViewer extends Component implements HasSize {

    public BpmnViewer(String xml, Collection<String> activeElementIds) {
        getElement().setProperty("active", String.join(",", activeElementIds));
        getElement().setProperty("xml", xml);
        setWidthFull();
        setHeight("520px");
    }

    /**
     * A diagram with counts on its elements: {@code tasks} (open tasks) and {@code cases} (cases at an element, such
     * as deals at a stage), each a badge of its own colour.
     */
    public static BpmnViewer withCounts(String xml, java.util.Map<String, Integer> tasks, java.util.Map<String, Integer> cases) {
        BpmnViewer viewer = new BpmnViewer(xml, java.util.List.of());
        viewer.getElement().setProperty("counts", json(tasks));
        viewer.getElement().setProperty("caseCounts", json(cases));
        return viewer;
    }

    private static String json(java.util.Map<String, Integer> counts) {
        StringBuilder json = new StringBuilder("{");
        counts.forEach((id, n) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(id.replace("\\", "").replace("\"", "")).append("\":").append(n);
        });
        return json.append('}').toString();
    }

    /**
     * A diagram with elements marked by kind ({@code added}, {@code changed}, {@code removed}: the element id → the
     * kind), for a change's diff.
     */
    public BpmnViewer(String xml, java.util.Map<String, String> markers) {
        this(xml, java.util.List.of());
        StringBuilder json = new StringBuilder("{");
        markers.forEach((id, kind) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(id.replace("\\", "").replace("\"", "")).append("\":\"")
                    .append(kind.replaceAll("[^a-z]", "")).append('"');
        });
        getElement().setProperty("markers", json.append('}').toString());
    }
}
