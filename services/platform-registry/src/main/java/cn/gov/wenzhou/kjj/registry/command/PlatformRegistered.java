package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A platform entered the registry as an applicant; {@code industryTableVersion} is the code table used.
 * Revision 2 added that version; events stored as revision 1 (the first release, one fixed code table) are upcast by
 * {@link PlatformRegisteredUpcaster}.
 */
@Revision(PlatformRegistered.REVISION)
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

    public static final String REVISION = "2";
}
