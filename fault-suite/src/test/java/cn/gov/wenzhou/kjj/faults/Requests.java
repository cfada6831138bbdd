package cn.gov.wenzhou.kjj.faults;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.ChineseIdNumber;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The requests the suite's scenarios send (a registration, a recognized platform, an application for a hire), sent to
 * the base address of whichever instance a scenario names, and what they have in common: fresh credit codes and
 * people, concurrent release, counting the answers.
 */
final class Requests {

    private static final AtomicLong PEOPLE = new AtomicLong(ThreadLocalRandom.current().nextInt(900) * 1000L);

    private Requests() {
    }

    /** A registration of a fresh platform with {@code code} at {@code registry}, named after the scenario's phase. */
    static Http.Answer register(String registry, String code, String phase) {
        return withinWriteLimit(() -> Http.send("POST", registry + "/api/platforms", Callers.role("REGISTRY_ADMIN"),
                """
                        {"creditCode": "%s", "name": "%s研究院-%s", "district": "鹿城", "industry": "数字经济",
                         "legalForm": "ENTERPRISE", "leadModel": "LEADING_ENTERPRISE"}"""
                        .formatted(code, phase, code.substring(10))));
    }

    /**
     * One test client writing faster than the per-caller write limit allows is answered 429 with Retry-After, and
     * nothing is done: the request is sent again each second until admitted, as a client should, so a scenario
     * measures its fault and not the limit (how many a run met depended on the machine's speed).
     */
    static Http.Answer withinWriteLimit(Supplier<Http.Answer> send) {
        Http.Answer[] answer = {send.get()};
        if (answer[0].status() == 429) {
            // the limit refills by the second (Retry-After is whole seconds): ask again each second until admitted
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> (answer[0] = send.get()).status() != 429);
        }
        return answer[0];
    }

    /** How many platforms the registry's list at {@code registry} shows with this credit code (-1: no answer). */
    static long registered(String registry, String creditCode) {
        Http.Answer page = Http.send("GET", registry + "/api/platforms?creditCode=" + creditCode,
                Callers.role("REGISTRY_ADMIN"), (byte[]) null);
        return page.status() == 200 ? page.json().orElseThrow().path("total").asLong() : -1;
    }

    /** A platform registered and recognized (municipal) at {@code registry}; returns its id. */
    static String recognizedPlatform(String registry, String name, String code) {
        String platformId = expect(201, Http.send("POST", registry + "/api/platforms", Callers.role("REGISTRY_ADMIN"),
                """
                        {"creditCode": "%s", "name": "%s-%s", "district": "瓯海", "industry": "新材料",
                         "legalForm": "ENTERPRISE", "leadModel": "LEADING_ENTERPRISE", "registeredOn": "2021-05-10"}"""
                        .formatted(code, name, code.substring(10)))).json().orElseThrow().path("platformId").asText();
        expect(200, Http.send("POST", registry + "/api/platforms/" + platformId + "/recognition",
                Callers.role("REGISTRY_ADMIN"),
                "{\"level\": \"MUNICIPAL\", \"documentNumber\": \"温科发〔2021〕9号\", \"recognizedOn\": \"2021-06-01\"}"));
        return platformId;
    }

    /** An enterprise's application at {@code talent} for a new hire, a person no other application names. */
    static Http.Answer applyForHire(String talent, String employer) {
        long person = PEOPLE.incrementAndGet();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(person / 1000);
        String first17 = "330302" + birth.toString().replace("-", "") + String.format("%03d", person % 1000);
        String body = """
                {"employerCreditCode": "%s", "hire": {"name": "故障注入%d", "idNumber": "%s", "phone": "139%08d"},
                 "position": "研发工程师", "hireDate": "%s", "titleLevel": "MID_LEVEL", "field": "INTELLIGENT_EQUIPMENT"}"""
                .formatted(employer, person, first17 + ChineseIdNumber.checkCharacter(first17), person,
                        today().minusMonths(2));
        return Http.send("POST", talent + "/api/enrollments", Callers.organisation("ENTERPRISE", employer), body);
    }

    /** {@link #applyForHire}, expected to be accepted; returns the enrollment's id. */
    static String apply(String talent, String employer) {
        return expect(201, applyForHire(talent, employer)).json().orElseThrow().path("enrollmentId").asText();
    }

    /** Sends one request per key, all released at the same moment, and keeps their history. */
    static History concurrently(List<String> keys, Function<String, Http.Answer> call, String operation)
            throws Exception {
        History history = new History();
        ExecutorService threads = Executors.newFixedThreadPool(keys.size());
        CountDownLatch ready = new CountDownLatch(keys.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (String key : keys) {
            running.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return history.record(operation, key, () -> call.apply(key));
            }));
        }
        ready.await(1, TimeUnit.MINUTES);
        go.countDown();
        for (Future<?> future : running) {
            future.get();
        }
        threads.shutdown();
        return history;
    }

    static Map<Integer, Long> statusCounts(History history) {
        Map<Integer, Long> counts = new TreeMap<>();
        history.entries().forEach(e -> counts.merge(e.answer().status(), 1L, Long::sum));
        return counts;
    }

    static Map<String, Long> ruleCounts(History history) {
        Map<String, Long> counts = new TreeMap<>();
        history.entries().stream().filter(e -> e.answer().rule() != null)
                .forEach(e -> counts.merge(e.answer().rule(), 1L, Long::sum));
        return counts;
    }

    static Http.Answer expect(int status, Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder first17 = new StringBuilder("91330300");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return first17 + String.valueOf(UnifiedSocialCreditCode.checkCharacter(first17.toString()));
    }

    static LocalDate today() {
        return BusinessCalendar.today(Clock.systemUTC());
    }
}
