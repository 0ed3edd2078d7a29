package com.summit.opportunity.service;

import com.summit.base.FieldError;
import com.summit.base.ValidationException;
import com.summit.customer.service.CustomerService;
import com.summit.customer.domain.LogisticsService;
import com.summit.opportunity.process.LifecycleProcess;
import com.summit.security.domain.SummitUser;
import com.summit.tasklist.service.ProcessStarter;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Starting the lifecycle from the task list's start form is opening an opportunity: it is stored first, with
 * the same rules as everywhere else, and then its process starts ({@link OpportunityService#create}).
 */
@Component
class OpportunityStarter implements ProcessStarter {

    private final OpportunityService opportunities;
    private final CustomerService customers;

    OpportunityStarter(OpportunityService opportunities, CustomerService customers) {
        this.opportunities = opportunities;
        this.customers = customers;
    }

    @Override
    public String bpmnProcessId() {
        return LifecycleProcess.PROCESS_ID;
    }

    /**
     * The form's "customers" options: the user's own customers, by name. A form-js select ships all its options to the
     * browser, so it lists one person's book, not a manager's whole team; the deal list's "new deal" dialog searches
     * every visible customer on the server.
     */
    static final int MAX_OPTIONS = 500;

    @Override
    public Map<String, Object> formData(SummitUser user, Locale locale) {
        List<Map<String, String>> options = customers.ownByName(user, MAX_OPTIONS).stream()
                .map(c -> Map.of("label", c.name(), "value", Long.toString(c.id())))
                .toList();
        return Map.of("customers", options);
    }

    @Override
    public Long start(Map<String, Object> values, SummitUser user) {
        Long customerId = null;
        try {
            customerId = values.get("customer") == null ? null : Long.valueOf(values.get("customer").toString());
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError("customer", null, "opportunity.error.customerRequired")));
        }
        BigDecimal amount = values.get("amount") == null ? null : new BigDecimal(values.get("amount").toString());
        Set<LogisticsService> services = EnumSet.noneOf(LogisticsService.class);
        if (values.get("services") instanceof List<?> list) {
            list.forEach(v -> services.add(LogisticsService.valueOf(v.toString())));
        }
        return opportunities.create(new NewOpportunity(customerId, text(values.get("name")), text(values.get("description")), amount,
                services), user).processInstanceKey();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
