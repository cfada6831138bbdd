package cn.gov.wenzhou.kjj.talent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** What can be asked of the city's {@link StaffingPool}. Every date is a business date supplied by the caller. */
public sealed interface StaffingPoolCommands {

    /**
     * Sets how many special public-institution posts (专项事业编制) the pool holds for a year.
     *
     * @param decidedOn the business date of the decision
     */
    record SetPoolQuota(@TargetAggregateIdentifier String poolId, int year, int posts, String reason,
                        LocalDate decidedOn) implements StaffingPoolCommands {
    }

    /** An admission takes a post of the pool (by {@link AdmissionAndExitHandler}, in the admission's unit of work). */
    record TakePost(@TargetAggregateIdentifier String poolId, String enrollmentId, LocalDate takenOn)
            implements StaffingPoolCommands {
    }

    /** An exit frees the post the enrollment held (by {@link AdmissionAndExitHandler}, in the exit's unit of work). */
    record FreePost(@TargetAggregateIdentifier String poolId, String enrollmentId, LocalDate freedOn)
            implements StaffingPoolCommands {
    }
}
