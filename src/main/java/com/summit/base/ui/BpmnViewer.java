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
}
