package com.summit.customer.domain;

import java.time.Instant;

/** A person at the customer, with their role in the buying decision and how strong our relationship is (1–5). */
public record Contact(long id, long customerId, String name, String title, ContactRole role, int strength, String preferences, String notes,
        String createdBy, Instant createdAt) {}
