package com.summit.engine;

/** The engine refused a deployment (the model is not one it can run); the message is the engine's own, listing why. */
public class DeploymentRefusedException extends RuntimeException {

    public DeploymentRefusedException(String engineMessage, Throwable cause) {
        super(engineMessage, cause);
    }
}
