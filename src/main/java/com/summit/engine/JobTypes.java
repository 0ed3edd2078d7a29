package com.summit.engine;

import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** The job types this app has a worker for: every {@code @JobWorker} method of its beans, and the user-task job. */
@Component
public class JobTypes {

    /** The job the engine makes of a user task with the job-worker implementation; the inbox takes it. */
    public static final String USER_TASK = "io.camunda.zeebe:userTask";

    private final ApplicationContext context;
    private volatile Set<String> types;

    JobTypes(ApplicationContext context) {
        this.context = context;
    }

    public Set<String> all() {
        Set<String> known = types;
        if (known == null) {
            known = new TreeSet<>();
            known.add(USER_TASK);
            for (String name : context.getBeanDefinitionNames()) {
                Class<?> type = context.getType(name, false);
                if (type == null) {
                    continue;
                }
                for (Method method : ClassUtils.getUserClass(type).getMethods()) {
                    JobWorker worker = method.getAnnotation(JobWorker.class);
                    if (worker != null) {
                        known.add(worker.type().isBlank() ? method.getName() : worker.type());
                    }
                }
            }
            types = Set.copyOf(known);
            known = types;
        }
        return known;
    }
}
