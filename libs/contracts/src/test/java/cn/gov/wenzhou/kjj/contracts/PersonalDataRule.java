package cn.gov.wenzhou.kjj.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule that keeps personal information (PIPL 个人信息) out of the published language, applied to every field of
 * every schema, nested ones included, and to every sample value.
 *
 * <p>A field name is split into lower-case words at camelCase humps, digits, {@code _} and {@code -}
 * ({@code employerCreditCode} → employer, credit, code). A field is refused when one of its words
 * <ol>
 *     <li>names a personal attribute: {@link #PERSONAL_ATTRIBUTES} (phone, e-mail, address, birth date, gender, …);</li>
 *     <li>names a person, so the field would identify or describe one: {@link #PERSON_WORDS} (person, contact,
 *     representative, hire, talent, actor, …);</li>
 *     <li>is {@code id} followed by {@code number}, {@code card} or {@code no} (居民身份证号), or is one of
 *     {@link #IDENTITY_DOCUMENTS};</li>
 *     <li>is {@code name}, unless the field is in {@link #ORGANISATION_NAMES}: a name is personal unless the schema
 *     says, and a reviewer agreed, that it names an organisation. Each exception is listed with its reason, must
 *     exist, and its schema description must say "organisation".</li>
 * </ol>
 * Ids of organisations and of our own aggregates ({@code platformId}, {@code creditCode}, {@code callId}) pass: an
 * {@code id} alone is not a person's.
 *
 * <p>Values: no string in a sample may look like a resident identity number (17 digits and a check character), a
 * mainland mobile number or an e-mail address, so a sample cannot smuggle in what a field name hides.
 */
final class PersonalDataRule {

    static final Set<String> PERSONAL_ATTRIBUTES = Set.of(
            "phone", "mobile", "telephone", "tel", "fax", "email", "mail", "wechat", "qq",
            "address", "addr", "residence", "domicile", "hukou", "birth", "birthday", "birthdate", "dob", "age",
            "gender", "sex", "nationality", "ethnicity", "ethnic", "religion", "marital", "health", "medical",
            "photo", "face", "fingerprint", "biometric", "salary", "wage", "pension", "bank");

    static final Set<String> PERSON_WORDS = Set.of(
            "person", "people", "personal", "individual", "citizen", "contact", "representative", "applicant",
            "hire", "talent", "employee", "staff", "expert", "reviewer", "officer", "actor", "user", "operator",
            "spouse", "family", "guardian");

    static final Set<String> IDENTITY_DOCUMENTS = Set.of("idcard", "identity", "passport", "ssn", "shenfenzheng");

    private static final Set<String> AFTER_ID = Set.of("number", "card", "no");

    /** Fields named {@code name} or {@code …Name} that name an organisation: "Event#/json/pointer" → why. */
    static final Map<String, String> ORGANISATION_NAMES = Map.of(
            "PlatformRegistered#/name",
            "the registered name of the platform, a legal person (新型研发机构), as in the public registry",
            "PlatformStandingChanged#/name",
            "the same registered name, repeated in each standing so a subscriber needs no other event");

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern WORD_BOUNDARY =
            Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\\d)|(?<=\\d)(?=[A-Za-z])|[_\\-\\s.]+");

    private PersonalDataRule() {
    }

    /** Why a field may not be published, or empty if it may. {@code pointer} is e.g. {@code /indicators/researchers}. */
    static Optional<String> refusal(String event, String pointer) {
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        List<String> words = words(field);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (PERSONAL_ATTRIBUTES.contains(word)) {
                return Optional.of(field + ": '" + word + "' is a personal attribute");
            }
            if (PERSON_WORDS.contains(word)) {
                return Optional.of(field + ": '" + word + "' names a person");
            }
            if (IDENTITY_DOCUMENTS.contains(word)
                    || word.equals("id") && i + 1 < words.size() && AFTER_ID.contains(words.get(i + 1))) {
                return Optional.of(field + ": an identity document number");
            }
            if (word.equals("name") && !ORGANISATION_NAMES.containsKey(event + "#" + pointer)) {
                return Optional.of(field + ": a name is personal unless listed as an organisation's name");
            }
        }
        return Optional.empty();
    }

    /** Why a sample value may not be published, or empty if it may. */
    static Optional<String> valueRefusal(String value) {
        if (RESIDENT_ID.matcher(value).find()) {
            return Optional.of("'" + value + "' looks like a resident identity number");
        }
        if (MOBILE.matcher(value).find()) {
            return Optional.of("'" + value + "' looks like a mobile phone number");
        }
        if (EMAIL.matcher(value).find()) {
            return Optional.of("'" + value + "' looks like an e-mail address");
        }
        return Optional.empty();
    }

    static List<String> words(String field) {
        return Arrays.stream(WORD_BOUNDARY.split(field))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
    }
}
