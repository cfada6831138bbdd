package cn.gov.wenzhou.kjj.registry.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One row per platform: the registry's list and detail views. */
@Entity
@Table(name = "platform_summary")
public class PlatformSummary {

    @Id
    @Column(name = "platform_id")
    private String platformId;
    @Column(name = "credit_code", nullable = false)
    private String creditCode;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String district;
    @Column(nullable = false)
    private String industry;
    @Column(name = "legal_form", nullable = false)
    private String legalForm;
    @Column(name = "lead_model", nullable = false)
    private String leadModel;
    @Column(nullable = false)
    private String status;
    @Column(name = "registered_on", nullable = false)
    private LocalDate registeredOn;

    protected PlatformSummary() {
    }

    public PlatformSummary(String platformId, String creditCode, String name, String district, String industry,
                           String legalForm, String leadModel, String status, LocalDate registeredOn) {
        this.platformId = platformId;
        this.creditCode = creditCode;
        this.name = name;
        this.district = district;
        this.industry = industry;
        this.legalForm = legalForm;
        this.leadModel = leadModel;
        this.status = status;
        this.registeredOn = registeredOn;
    }

    public String getPlatformId() {
        return platformId;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getName() {
        return name;
    }

    public String getDistrict() {
        return district;
    }

    public String getIndustry() {
        return industry;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public String getLeadModel() {
        return leadModel;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }
}
