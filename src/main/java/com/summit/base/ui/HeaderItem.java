package com.summit.base.ui;

import com.vaadin.flow.component.Component;

/** Something a feature puts into the shell's header (the notification bell); a new component per UI. */
public interface HeaderItem {

    Component create();

    /** Called after every navigation, so that the item can show fresh state. */
    default void refresh(Component item) {}
}
