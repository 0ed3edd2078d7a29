package com.summit.engine;

/** A Camunda Form as deployed: the engine's numeric key, its id and version, and its form-js schema. */
public record DeployedForm(long formKey, String formId, int version, String resourceName, String schemaJson) {}
