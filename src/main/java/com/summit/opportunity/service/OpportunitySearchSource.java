package com.summit.opportunity.service;

import com.summit.opportunity.domain.OpportunityRepository;
import com.summit.search.service.SearchDocumentSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Opportunities in the search index: name, description and customer are free text. */
@Component
class OpportunitySearchSource implements SearchDocumentSource {

    private final OpportunityRepository opportunities;

    OpportunitySearchSource(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String entityType() {
        return OpportunityService.ENTITY_TYPE;
    }

    @Override
    public Optional<Map<String, Object>> document(long id) {
        return opportunities.findById(id).map(o -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("name", o.name());
            doc.put("description", o.description());
            doc.put("customerName", o.customerName());
            doc.put("stage", o.stage().name());
            doc.put("status", o.status().name());
            doc.put("owner", o.ownerUsername());
            doc.put("amount", o.amount());
            doc.put("services", o.services().stream().map(Enum::name).sorted().toList());
            doc.put("updatedAt", o.updatedAt().toString());
            return doc;
        });
    }

    @Override
    public List<Long> allIds() {
        return opportunities.allIds();
    }

    @Override
    public List<String> textFields() {
        return List.of("name", "description", "customerName");
    }
}
