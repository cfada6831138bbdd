package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;
import java.util.List;

public record PlatformRegistered(
        String platformId,
        String creditCode,
        String name,
        District district,
        Industry industry,
        LegalForm legalForm,
        LeadModel leadModel,
        List<String> hosts,
        LocalDate registeredOn) {
}
