package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

public record RegisterPlatform(
        @TargetAggregateIdentifier String platformId,
        String creditCode,
        String name,
        District district,
        Industry industry,
        LegalForm legalForm,
        LeadModel leadModel,
        List<String> hosts,
        LocalDate registeredOn) {
}
