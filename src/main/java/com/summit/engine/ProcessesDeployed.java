package com.summit.engine;

/** Published once the models in {@code bpmn/} and {@code forms/} are deployed at start-up. */
public record ProcessesDeployed(String epoch, int processes, int forms, int decisions) {}
