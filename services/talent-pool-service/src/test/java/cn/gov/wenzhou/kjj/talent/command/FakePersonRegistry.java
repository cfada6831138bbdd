package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.RuleViolationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Deterministic stand-in for the registry in fixtures: "ciphertexts" are labelled, not secret. */
final class FakePersonRegistry implements PersonRegistry {

    final Map<String, String> personOfEnrollment = new HashMap<>();
    final Map<String, String> employerOfEnrollment = new HashMap<>();
    final Set<String> openEnrollments = new HashSet<>();
    final Map<String, String> postOfPerson = new HashMap<>();
    final List<String> released = new ArrayList<>();

    static String personId(PersonalData data) {
        return "person-" + data.idNumber().substring(14);
    }

    static EncryptedPersonalData sealed(PersonalData data) {
        String key = "key-" + data.idNumber().substring(14);
        return new EncryptedPersonalData(key, "enc(name)", "enc(idNumber)", "enc(phone)");
    }

    @Override
    public SealedPerson register(String enrollmentId, String employerCreditCode, PersonalData data) {
        String personId = personId(data);
        boolean openWithThisEmployer = personOfEnrollment.entrySet().stream()
                .anyMatch(e -> e.getValue().equals(personId) && openEnrollments.contains(e.getKey())
                        && employerCreditCode.equals(employerOfEnrollment.get(e.getKey())));
        if (openWithThisEmployer) {
            throw new RuleViolationException("enrollment.person-already-enrolled", "one at a time per employer");
        }
        personOfEnrollment.put(enrollmentId, personId);
        employerOfEnrollment.put(enrollmentId, employerCreditCode);
        openEnrollments.add(enrollmentId);
        return new SealedPerson(personId, sealed(data));
    }

    @Override
    public void holdPost(String enrollmentId) {
        String personId = personOfEnrollment.get(enrollmentId);
        String holder = postOfPerson.putIfAbsent(personId, enrollmentId);
        if (holder != null && !holder.equals(enrollmentId)) {
            throw new RuleViolationException("admission.person-holds-post", "one person, one post");
        }
    }

    @Override
    public void release(String enrollmentId) {
        openEnrollments.remove(enrollmentId);
        postOfPerson.values().remove(enrollmentId);
        released.add(enrollmentId);
    }

    @Override
    public String sealNote(String keyId, String note) {
        return note == null || note.isBlank() ? null : "enc(note)";
    }

    @Override
    public List<String> enrollmentsOf(String personId) {
        return personOfEnrollment.entrySet().stream().filter(e -> e.getValue().equals(personId))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public Optional<String> personOf(String enrollmentId) {
        return Optional.ofNullable(personOfEnrollment.get(enrollmentId));
    }

    @Override
    public void erase(String personId) {
    }

    @Override
    public Optional<PersonalData> reveal(EncryptedPersonalData data) {
        return Optional.empty();
    }

    @Override
    public Optional<String> revealNote(String keyId, String noteCiphertext) {
        return Optional.empty();
    }
}
