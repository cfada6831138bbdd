package cn.gov.wenzhou.kjj.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.gov.wenzhou.kjj.contracts.ContractResources.sampleOf;
import static cn.gov.wenzhou.kjj.contracts.ContractResources.schemaNodeOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data never enters an integration event (CONTRIBUTING, DOMAIN "talent", PIPL): no schema has a field that
 * would carry it and no sample carries a value that looks like it. The rule and its one kind of exception (an
 * organisation's name) are in {@link PersonalDataRule}.
 */
class NoPersonalDataTest {

    @TestFactory
    Stream<DynamicTest> noSchemaHasAPersonalDataField() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            List<String> pointers = new ArrayList<>();
            collectPropertyPointers(schemaNodeOf(type), "", pointers);
            assertThat(pointers).isNotEmpty();
            assertThat(pointers)
                    .allSatisfy(pointer -> assertThat(PersonalDataRule.refusal(type.getSimpleName(), pointer))
                            .as(type.getSimpleName() + pointer)
                            .isEmpty());
        }));
    }

    @TestFactory
    Stream<DynamicTest> noSampleCarriesAValueThatLooksPersonal() {
        return IntegrationEventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            List<String> values = new ArrayList<>();
            collectStrings(sampleOf(type), values);
            assertThat(values).isNotEmpty();
            assertThat(values).allSatisfy(value -> assertThat(PersonalDataRule.valueRefusal(value)).isEmpty());
        }));
    }

    /** An exception that no longer points at a field, or at one not described as an organisation's, is an error. */
    @Test
    void everyOrganisationNameExceptionPointsAtAFieldDescribedAsAnOrganisation() {
        assertThat(PersonalDataRule.ORGANISATION_NAMES).isNotEmpty();
        for (Map.Entry<String, String> exception : PersonalDataRule.ORGANISATION_NAMES.entrySet()) {
            String event = exception.getKey().substring(0, exception.getKey().indexOf('#'));
            String pointer = exception.getKey().substring(exception.getKey().indexOf('#') + 1);
            Class<? extends IntegrationEvent> type = IntegrationEventCatalog.all().stream()
                    .filter(candidate -> candidate.getSimpleName().equals(event))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no event " + event));
            JsonNode property = schemaNodeOf(type).at(pointer.replace("/", "/properties/"));
            assertThat(property.isMissingNode()).as(exception.getKey() + " exists").isFalse();
            assertThat(property.path("description").asText()).as(exception.getKey()).containsIgnoringCase("organisation");
            assertThat(exception.getValue()).as("the reason").isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "name", "fullName", "hireName", "talent_name", "personName", "contactPhone", "mobile", "phoneNumber",
            "email", "eMailAddress", "homeAddress", "registeredResidence", "birthDate", "dateOfBirth", "dob",
            "gender", "idNumber", "idCardNo", "id_no", "identityNumber", "passportNo", "legalRepresentative",
            "applicantId", "expertIds", "actor", "salaryFen", "age", "nationality", "wechatId"})
    void refusesFieldsThatWouldCarryPersonalData(String field) {
        assertThat(PersonalDataRule.refusal("AnyEvent", "/" + field)).as(field).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "platformId", "creditCode", "employerCreditCode", "recipientCreditCode", "documentNumber", "title",
            "district", "industry", "supervisingAuthority", "researchers", "trancheNumber", "fourTechIncomeFen",
            "titleLevel", "field", "reason", "enrollmentId", "partnerPlatformIds", "localEnterprisesServed"})
    void acceptsFieldsAboutOrganisationsAndFacts(String field) {
        assertThat(PersonalDataRule.refusal("AnyEvent", "/" + field)).as(field).isEmpty();
    }

    @Test
    void aNameIsAcceptedOnlyWhereItIsListedAsAnOrganisationsName() {
        assertThat(PersonalDataRule.refusal("PlatformRegistered", "/name")).isEmpty();
        assertThat(PersonalDataRule.refusal("HireAdmitted", "/name")).isPresent();
        assertThat(PersonalDataRule.refusal("PlatformRegistered", "/host/name")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"330302199001011234", "33030219900101123X", "13812345678", "+86 13812345678",
            "zhang.san@example.cn"})
    void refusesValuesThatLookPersonal(String value) {
        assertThat(PersonalDataRule.valueRefusal(value)).as(value).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91330300MA2H7K8L0G", "3f0c8a4e-2b7d-4d61-9a0e-5b8c7d6e1f20", "温科发〔2024〕12号",
            "2025-06-30", "2024.1", "鹿城区科技局"})
    void acceptsValuesOfOrganisationsAndFacts(String value) {
        assertThat(PersonalDataRule.valueRefusal(value)).as(value).isEmpty();
    }

    @Test
    void splitsFieldNamesIntoWords() {
        assertThat(PersonalDataRule.words("employerCreditCode")).containsExactly("employer", "credit", "code");
        assertThat(PersonalDataRule.words("idCardNo")).containsExactly("id", "card", "no");
        assertThat(PersonalDataRule.words("talent_name")).containsExactly("talent", "name");
        assertThat(PersonalDataRule.words("HTTPAddress2")).containsExactly("http", "address", "2");
    }

    private static void collectPropertyPointers(JsonNode schema, String at, List<String> into) {
        for (Map.Entry<String, JsonNode> property : IntegrationEventSchemaTest.fields(schema.path("properties"))) {
            String pointer = at + "/" + property.getKey();
            into.add(pointer);
            collectPropertyPointers(property.getValue(), pointer, into);
            collectPropertyPointers(property.getValue().path("items"), pointer, into);
        }
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, into));
    }
}
