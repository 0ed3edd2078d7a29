package com.summit.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** An ECharts chart; the option is ECharts' own option object, as JSON. */
@Tag("summit-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./summit-chart.js")
public class Chart extends Component implements HasSize {

    public Chart(String optionJson) {
        setOption(optionJson);
        setWidthFull();
        setHeight("300px");
    }

    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }
}
