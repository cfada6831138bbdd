package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ErasePerson;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ErasePersonalData;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An erasure request covers the person, not one application: every enrollment of theirs records the erasure (each
 * refuses while still open) and their data key is destroyed, all in one transaction. If one enrollment refuses,
 * nothing is erased.
 */
@Component
public class PersonalDataErasure {

    private final PersonRegistry people;
    private final Repository<Enrollment> enrollments;

    public PersonalDataErasure(PersonRegistry people,
                               @Lazy @Qualifier("enrollmentRepository") Repository<Enrollment> enrollments) {
        this.people = people;
        this.enrollments = enrollments;
    }

    /** @return the enrollments whose person was erased */
    @CommandHandler
    public List<String> handle(ErasePerson command) {
        String personId = people.personOf(command.enrollmentId())
                .orElseThrow(() -> new NotFoundException("enrollment", command.enrollmentId()));
        List<String> erased = people.enrollmentsOf(personId);
        for (String enrollmentId : erased) {
            enrollments.load(enrollmentId).execute(enrollment -> enrollment.handle(
                    new ErasePersonalData(enrollmentId, command.requestReference(), command.erasedOn())));
        }
        people.erase(personId);
        return erased;
    }
}
