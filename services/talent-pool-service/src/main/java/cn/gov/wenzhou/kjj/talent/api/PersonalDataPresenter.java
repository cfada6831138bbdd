package cn.gov.wenzhou.kjj.talent.api;

import cn.gov.wenzhou.kjj.talent.command.EncryptedPersonalData;
import cn.gov.wenzhou.kjj.talent.command.PersonRegistry;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Decrypts personal data at the edge, for the callers allowed to see it, and masks it for the others. */
@Component
public class PersonalDataPresenter {

    private final PersonRegistry people;
    private final TalentCaller caller;

    public PersonalDataPresenter(PersonRegistry people, TalentCaller caller) {
        this.people = people;
        this.caller = caller;
    }

    public PersonResponse person(String personId, EncryptedPersonalData data, boolean erased) {
        Optional<PersonalData> clear = erased ? Optional.empty() : people.reveal(data);
        if (clear.isEmpty()) {
            return new PersonResponse(personId, null, null, null, "ERASED");
        }
        if (caller.seesPersonalData()) {
            PersonalData person = clear.get();
            return new PersonResponse(personId, person.name(), person.idNumber(), person.phone(), "CLEAR");
        }
        PersonalData masked = clear.get().masked();
        return new PersonResponse(personId, masked.name(), masked.idNumber(), masked.phone(), "MASKED");
    }

    /** A note staff wrote about the person: for the institute and the employer; gone once the person is erased. */
    public String note(String keyId, String noteCiphertext) {
        return people.revealNote(keyId, noteCiphertext).orElse(null);
    }
}
