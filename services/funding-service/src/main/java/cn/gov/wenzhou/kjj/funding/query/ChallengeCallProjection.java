package cn.gov.wenzhou.kjj.funding.query;

import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationAwarded;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationDeclined;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationsClosed;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ApplicationsRanked;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandCurated;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.DemandSubmitted;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ListPublished;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.PartnershipConfirmed;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ReviewScoreRecorded;
import cn.gov.wenzhou.kjj.funding.command.CallPhase;
import cn.gov.wenzhou.kjj.funding.command.CallEvents.ChallengeCallOpened;
import cn.gov.wenzhou.kjj.funding.command.Member;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Calls, their demands and applications (with members), as the officer and the applicants see them. */
@Component
@ProcessingGroup(ChallengeCallProjection.NAME)
public class ChallengeCallProjection {

    public static final String NAME = "challenge-calls";
    public static final List<String> TABLES = List.of("challenge_call", "call_demand", "call_application",
            "application_member");

    private final JdbcTemplate jdbc;

    public ChallengeCallProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChallengeCallOpened event) {
        jdbc.update("insert into challenge_call (call_id, call_year, title, status, opened_on) values (?, ?, ?, ?, ?)",
                event.callId(), event.year(), event.title(), CallPhase.COLLECTING_DEMANDS.name(), event.openedOn());
    }

    @EventHandler
    void on(DemandSubmitted event) {
        jdbc.update("""
                        insert into call_demand (demand_id, call_id, enterprise_credit_code, enterprise_tier, title,
                            industry, description, budget_ceiling_fen, submitted_on, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')""",
                event.demandId(), event.callId(), event.enterpriseCreditCode(), event.enterpriseTier().name(),
                event.title(), event.industry(), event.description(), event.budgetCeilingFen(), event.submittedOn());
    }

    @EventHandler
    void on(DemandCurated event) {
        jdbc.update("update call_demand set status = ?, curation_note = ? where demand_id = ?",
                event.listed() ? "LISTED" : "NOT_LISTED", event.note(), event.demandId());
    }

    @EventHandler
    void on(ListPublished event) {
        jdbc.update("update challenge_call set status = ?, published_on = ? where call_id = ?",
                CallPhase.LIST_PUBLISHED.name(), event.publishedOn(), event.callId());
    }

    @EventHandler
    void on(ApplicationSubmitted event) {
        jdbc.update("""
                        insert into call_application (application_id, call_id, demand_id, title, lead_credit_code,
                            joint, requested_fen, submitted_on, status, expert_scores)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', 0)""",
                event.applicationId(), event.callId(), event.demandId(), event.title(), event.lead().creditCode(),
                !event.partners().isEmpty(), event.requestedFen(), event.submittedOn());
        List<Member> members = new ArrayList<>();
        members.add(event.lead());
        members.addAll(event.partners());
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            jdbc.update("""
                            insert into application_member (application_id, position, credit_code, tier, platform_id)
                            values (?, ?, ?, ?, ?)""",
                    event.applicationId(), i, member.creditCode(), member.tier().name(), member.platformId());
        }
    }

    @EventHandler
    void on(PartnershipConfirmed event) {
        jdbc.update("update application_member set confirmed_on = ? where application_id = ? and credit_code = ? "
                + "and position > 0", event.confirmedOn(), event.applicationId(), event.partnerCreditCode());
    }

    @EventHandler
    void on(ApplicationsClosed event) {
        jdbc.update("update challenge_call set status = ?, applications_closed_on = ? where call_id = ?",
                CallPhase.UNDER_REVIEW.name(), event.closedOn(), event.callId());
    }

    @EventHandler
    void on(ReviewScoreRecorded event) {
        jdbc.update("update call_application set expert_scores = expert_scores + 1 where application_id = ?",
                event.applicationId());
    }

    @EventHandler
    void on(ApplicationsRanked event) {
        jdbc.update("update challenge_call set status = ?, ranked_on = ?, ranking_parameter_version = ? "
                        + "where call_id = ?",
                CallPhase.RANKED.name(), event.rankedOn(), event.parameterVersion(), event.callId());
        event.rankings().forEach(r -> jdbc.update("""
                        update call_application set status = 'RANKED', mean_score = ?, priority = ?, rank_in_demand = ?,
                            ranked_as_joint = ?
                        where application_id = ?""",
                r.meanScore(), r.priority(), r.rank(), r.joint(), r.applicationId()));
    }

    @EventHandler
    void on(ApplicationDeclined event) {
        jdbc.update("update call_application set status = 'DECLINED', decline_reason = ? where application_id = ?",
                event.reason(), event.applicationId());
    }

    @EventHandler
    void on(ApplicationAwarded event) {
        jdbc.update("update call_application set status = 'AWARDED', project_id = ? where application_id = ?",
                event.projectId(), event.applicationId());
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }
}
