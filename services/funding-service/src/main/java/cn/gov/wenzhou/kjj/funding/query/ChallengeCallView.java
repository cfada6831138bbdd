package cn.gov.wenzhou.kjj.funding.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "challenge_call")
public class ChallengeCallView {

    @Id
    @Column(name = "call_id")
    private String callId;
    @Column(name = "call_year", nullable = false)
    private int year;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String status;
    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    protected ChallengeCallView() {
    }

    public ChallengeCallView(String callId, int year, String title, String status, LocalDate openedOn) {
        this.callId = callId;
        this.year = year;
        this.title = title;
        this.status = status;
        this.openedOn = openedOn;
    }

    public String getCallId() {
        return callId;
    }

    public int getYear() {
        return year;
    }

    public String getTitle() {
        return title;
    }

    public String getStatus() {
        return status;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }
}
