/**
 * The Camunda side: settings checks, the engine epoch, deployment of {@code bpmn/} and {@code forms/}
 * at start-up, and the one place features call to start instances or publish messages.
 */
package com.summit.engine;
