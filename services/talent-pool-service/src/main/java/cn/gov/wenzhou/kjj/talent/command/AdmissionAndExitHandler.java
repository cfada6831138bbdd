package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;
import cn.gov.wenzhou.kjj.support.platforms.PlatformDirectory;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.AdmitHire;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ExitHire;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.RecordPeriodicReview;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.FreePost;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.TakePost;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * An admission takes a post of the pool and an exit (or a failed periodic review) frees it: two aggregates, one
 * decision. Each command is decided here in one unit of work: the enrollment decides its own rules and records its
 * event, then the pool (loaded and locked in the same transaction, which keeps its quota under concurrent admissions)
 * decides on the post. Refused by either, the unit of work rolls back and neither records anything.
 */
@Component
public class AdmissionAndExitHandler {

    private final Repository<Enrollment> enrollments;
    private final Repository<StaffingPool> pools;
    private final TalentPolicy policy;
    private final PlatformDirectory platforms;
    private final PersonRegistry people;

    public AdmissionAndExitHandler(@Qualifier("enrollmentRepository") Repository<Enrollment> enrollments,
                                   @Qualifier("staffingPoolRepository") Repository<StaffingPool> pools,
                                   TalentPolicy policy, PlatformDirectory platforms, PersonRegistry people) {
        this.enrollments = enrollments;
        this.pools = pools;
        this.policy = policy;
        this.platforms = platforms;
        this.people = people;
    }

    @CommandHandler
    public EnrollmentState handle(AdmitHire command) {
        EnrollmentState admitted = enrollments.load(command.enrollmentId())
                .invoke(enrollment -> enrollment.handle(command, policy, platforms, people));
        pool(command.admittedOn()).execute(pool -> pool.handle(
                new TakePost(StaffingPool.WENZHOU, command.enrollmentId(), command.admittedOn())));
        return admitted;
    }

    @CommandHandler
    public EnrollmentState handle(RecordPeriodicReview command) {
        EnrollmentState reviewed = enrollments.load(command.enrollmentId())
                .invoke(enrollment -> enrollment.handle(command, people));
        if (reviewed == EnrollmentState.EXITED) {
            free(command.enrollmentId(), command.reviewedOn());
        }
        return reviewed;
    }

    @CommandHandler
    public EnrollmentState handle(ExitHire command) {
        EnrollmentState exited = enrollments.load(command.enrollmentId())
                .invoke(enrollment -> enrollment.handle(command, people));
        free(command.enrollmentId(), command.exitedOn());
        return exited;
    }

    private void free(String enrollmentId, LocalDate freedOn) {
        pool(freedOn).execute(pool -> pool.handle(new FreePost(StaffingPool.WENZHOU, enrollmentId, freedOn)));
    }

    private Aggregate<StaffingPool> pool(LocalDate on) {
        try {
            return pools.load(StaffingPool.WENZHOU);
        } catch (AggregateNotFoundException e) {
            throw new RuleViolationException("pool.no-quota-for-year",
                    "no quota of posts has been set for " + on.getYear());
        }
    }
}
