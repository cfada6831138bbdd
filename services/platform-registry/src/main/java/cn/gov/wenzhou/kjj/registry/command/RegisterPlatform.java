package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Registers a platform; it is then an applicant for recognition. The credit code is claimed for it for good. */
public record RegisterPlatform(
        @TargetAggregateIdentifier String platformId,
        String creditCode,
        String name,
        District district,
        String industry,
        String industryTableVersion,
        LegalForm legalForm,
        LeadModel leadModel,
        List<String> hosts,
        LocalDate registeredOn) {
}
