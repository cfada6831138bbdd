package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;
import java.util.List;

/** A platform entered the registry as an applicant; {@code industryTableVersion} is the code table used. */
public record PlatformRegistered(
        String platformId,
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
