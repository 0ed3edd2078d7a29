package com.summit.customer.domain;

import java.time.Instant;

public record Customer(long id, String name, String creditCode, Industry industry, String region, String ownerUsername,
        CustomerTier tier, Instant createdAt) {}
