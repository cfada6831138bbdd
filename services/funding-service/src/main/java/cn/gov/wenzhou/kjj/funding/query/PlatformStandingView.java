package cn.gov.wenzhou.kjj.funding.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** funding-service's view of each registry platform: is it a high-level platform, may it receive awards. */
@Entity
@Table(name = "platform_standing")
public class PlatformStandingView {

    @Id
    @Column(name = "platform_id")
    private String platformId;
    @Column(name = "credit_code", nullable = false)
    private String creditCode;
    /** Null until the registry's news named it (rectification and revocation news carry no name). */
    private String name;
    @Column(nullable = false)
    private String standing;
    private String level;
    @Column(name = "as_of", nullable = false)
    private Instant asOf;
    @Column(name = "source_event_id", nullable = false)
    private String sourceEventId;

    protected PlatformStandingView() {
    }

    public PlatformStandingView(String platformId) {
        this.platformId = platformId;
    }

    public void update(String creditCode, String name, String standing, String level, Instant asOf,
                       String sourceEventId) {
        this.creditCode = creditCode;
        this.name = name;
        this.standing = standing;
        this.level = level;
        this.asOf = asOf;
        this.sourceEventId = sourceEventId;
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

    public String getStanding() {
        return standing;
    }

    public String getLevel() {
        return level;
    }

    public Instant getAsOf() {
        return asOf;
    }

    public String getSourceEventId() {
        return sourceEventId;
    }
}
