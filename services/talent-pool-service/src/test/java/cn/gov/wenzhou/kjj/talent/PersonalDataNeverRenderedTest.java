package cn.gov.wenzhou.kjj.talent;

import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.command.Redacted;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 8: every record of the service that holds a person's data in clear (or a secret) renders
 * without it. Each such record is built with recognisable values in its personal components and rendered with
 * {@code toString}, as a log line or an exception message would; none of the values may appear. A record whose
 * component looks personal by its name (name, idNumber, phone, note, reason, ...) must mark it {@link Redacted}
 * unless it is listed here as not personal, so a new request type cannot slip through unmarked.
 */
class PersonalDataNeverRenderedTest {

    /** Component names that usually hold a person's data or a secret. */
    private static final Set<String> LOOKS_PERSONAL = Set.of("name", "idNumber", "phone", "note", "reason",
            "rejectionReason", "masterKey", "previousMasterKey");
    /** Components with such a name that are not a person's data, and why. */
    private static final Map<String, String> NOT_PERSONAL = Map.of(
            "RegistryPlatformCommands$NotePlatformStatus.name", "a registry platform's name: an organisation",
            "RegistryPlatformEvents$PlatformStatusNoted.name", "the same, as recorded",
            "PoolController$SetQuotaRequest.reason", "the establishment office's decision reference",
            "StaffingPoolEvents$PoolQuotaSet.reason", "the same reference, as recorded",
            "StaffingPoolCommands$SetPoolQuota.reason", "the same reference, as commanded",
            "PolicyVersion$UrgentField.name", "the name of an industry",
            "EmployerPlatformProjection$EmployerPlatform.name", "an organisation's name",
            "MasterKeyRotationCommands$AbandonMasterKeyRotation.reason", "why a rotation ended: the service's words",
            "MasterKeyRotationEvents$MasterKeyRotationAbandoned.reason", "the same, as recorded");
    private static final PersonalData PERSON = new PersonalData("秘密姓名甲", "11010519491231002X", "13987654321");

    private final AtomicInteger secrets = new AtomicInteger();
    private final List<String> planted = new ArrayList<>();

    @Test
    void noRecordHoldingPersonalDataRendersIt() throws Exception {
        List<Class<?>> records = serviceRecords();
        assertThat(records).hasSizeGreaterThan(40);
        List<String> unmarked = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : records) {
            for (RecordComponent component : type.getRecordComponents()) {
                String key = type.getName().substring(type.getPackageName().length() + 1) + "." + component.getName();
                if (component.getType() == String.class && LOOKS_PERSONAL.contains(component.getName())
                        && !component.isAnnotationPresent(Redacted.class) && !NOT_PERSONAL.containsKey(key)) {
                    unmarked.add(key);
                }
            }
            if (holdsPersonalData(type, new HashSet<>())) {
                planted.clear();
                String text = instance(type).toString();
                checked++;
                for (String secret : planted) {
                    if (text.contains(secret)) {
                        rendered.add(type.getName() + " renders " + secret + ": " + text);
                    }
                }
            }
        }
        assertThat(unmarked).as("components that look personal but are neither @Redacted nor listed").isEmpty();
        assertThat(rendered).isEmpty();
        assertThat(checked).as("records holding personal data").isGreaterThanOrEqualTo(15);
    }

    private static boolean holdsPersonalData(Class<?> type, Set<Class<?>> seen) {
        if (type == PersonalData.class) {
            return true;
        }
        if (!type.isRecord() || !seen.add(type)) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Redacted.class) || holdsPersonalData(component.getType(), seen)
                    || holdsPersonalData(elementType(component.getGenericType()), seen)) {
                return true;
            }
        }
        return false;
    }

    private Object instance(Class<?> type) throws Exception {
        if (type == PersonalData.class) {
            planted.addAll(List.of(PERSON.name(), PERSON.idNumber(), PERSON.phone()));
            return PERSON;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i]);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private Object value(RecordComponent component) throws Exception {
        Class<?> type = component.getType();
        if (type == String.class) {
            if (component.isAnnotationPresent(Redacted.class)) {
                String secret = "秘密" + component.getName() + secrets.incrementAndGet();
                planted.add(secret);
                return secret;
            }
            return "x";
        }
        if (type == PersonalData.class || type.isRecord()) {
            return instance(type);
        }
        if (type == List.class) {
            Class<?> element = elementType(component.getGenericType());
            return element.isRecord() || element == PersonalData.class ? List.of(instance(element)) : List.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1);
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == java.time.Duration.class) {
            return java.time.Duration.ZERO;
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.getName().equals("com.fasterxml.jackson.databind.JsonNode")) {
            return JsonNodeFactory.instance.objectNode();
        }
        return null;
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    /** Every record in the service's own (main) classes. */
    private static List<Class<?>> serviceRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        TypeFilter records = (reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata()
                .getSuperClassName());
        scanner.addIncludeFilter(records);
        List<Class<?>> found = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(TalentPoolApplication.class.getPackageName())) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
            if (!location.contains("test-classes")) {
                found.add(type);
            }
        }
        return found;
    }
}
