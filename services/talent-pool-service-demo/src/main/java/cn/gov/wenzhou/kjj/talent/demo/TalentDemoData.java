package cn.gov.wenzhou.kjj.talent.demo;

import cn.gov.wenzhou.kjj.support.demo.BackgroundLoad;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import cn.gov.wenzhou.kjj.talent.command.ChineseIdNumber;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.CouncilDecision;
import cn.gov.wenzhou.kjj.talent.command.EnrollmentCommands.ReviewDecision;
import cn.gov.wenzhou.kjj.talent.command.ExitReason;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;
import cn.gov.wenzhou.kjj.talent.command.PolicyVersion;
import cn.gov.wenzhou.kjj.talent.command.RetryingCommands;
import cn.gov.wenzhou.kjj.talent.command.ReviewOutcome;
import cn.gov.wenzhou.kjj.talent.command.StaffingPoolCommands.SetPoolQuota;
import cn.gov.wenzhou.kjj.talent.command.StaffingPool;
import cn.gov.wenzhou.kjj.talent.command.TalentPolicy;
import cn.gov.wenzhou.kjj.talent.command.TitleLevel;
import cn.gov.wenzhou.kjj.talent.query.EmployerPlatformProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A sample pool, loaded through the talent service's own commands into an empty store ({@code stb.demo.enabled}):
 * quotas, 36 applications from six enterprises and the two platforms the registry's demo registers, including
 * rejections, a withdrawal, exits (one by a failed review) and one erasure. Deterministic for a given day: fixed ids,
 * fixed outcomes, dates relative to today. The people are fictitious (测试员工NN, phones 1390000NNNN).
 *
 * <p>Admissions name the employer's platform when the registry has announced it: the loader waits (in its own thread,
 * at most {@code stb.talent.demo.platform-wait}) for the registry's two demo platforms to arrive over Kafka.
 */
@Component
@ConditionalOnProperty(name = "stb.demo.enabled", havingValue = "true")
public class TalentDemoData {

    public static final String ERASURE_REFERENCE = "DEMO-PIPL-0001";
    static final int APPLICATIONS = 36;

    private static final Logger log = LoggerFactory.getLogger(TalentDemoData.class);
    /**
     * Two of the registry demo's platforms, 瓯江实验室 and 浙大温州研究院 (registry DemoPlan: the flagship code and
     * index 2, a private non-enterprise unit): the first 17 characters of their credit codes.
     */
    private static final List<String> PLATFORMS = List.of("12330300MB1234567", "52330300MAD000002");
    /** The first is the dev stack's {@code enterprise-demo} client (91330300MA2H7K8L0G). */
    private static final List<String> ENTERPRISES = List.of("91330300MA2H7K8L0", "91330300MA2D00002",
            "91330300MA2D00003", "91330300MA2D00004", "91330300MA2D00005", "91330300MA2D00006");
    private static final List<TitleLevel> LEVELS = List.of(TitleLevel.MID_LEVEL, TitleLevel.ASSOCIATE_SENIOR,
            TitleLevel.TECHNICIAN, TitleLevel.SENIOR, TitleLevel.SENIOR_TECHNICIAN);

    private final RetryingCommands commands;
    private final JdbcTemplate jdbc;
    private final EmployerPlatformProjection platforms;
    private final TalentPolicy policy;
    private final Clock clock;
    private final Duration platformWait;

    public TalentDemoData(RetryingCommands commands, JdbcTemplate jdbc, EmployerPlatformProjection platforms,
                          TalentPolicy policy, Clock clock,
                          @Value("${stb.talent.demo.platform-wait:60s}") Duration platformWait) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.platforms = platforms;
        this.policy = policy;
        this.clock = clock;
        this.platformWait = platformWait;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (events != null && events > 0) {
            log.info("talent pool already holds history; demo data not loaded");
            return;
        }
        BackgroundLoad.start("talent-demo-data", this::loadDemo);
    }

    public static String enrollmentId(int index) {
        return UUID.nameUUIDFromBytes(("talent-demo-enrollment-" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private void loadDemo() {
        LocalDate today = BusinessCalendar.today(clock);
        int year = today.getYear();
        commands.send(new SetPoolQuota(StaffingPool.WENZHOU, year - 1, 24, "demo: 市委编办核定", today));
        commands.send(new SetPoolQuota(StaffingPool.WENZHOU, year, 30, "demo: 市委编办核定", today));
        PolicyVersion rules = policy.inForceOn(today);
        for (int i = 0; i < APPLICATIONS; i++) {
            apply(i, today, rules);
        }
        awaitRegistryPlatforms();
        for (int i = 0; i < APPLICATIONS; i++) {
            decide(i, today);
        }
        commands.send(new EnrollmentCommands.ErasePerson(enrollmentId(19), ERASURE_REFERENCE, today));
        log.info("demo data: {} applications, quotas for {} and {}, one erasure", APPLICATIONS, year - 1, year);
    }

    private void apply(int i, LocalDate today, PolicyVersion rules) {
        String number = String.format("%02d", i + 1);
        String first17 = "330302" + (1980 + i % 20) + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + "9" + number;
        PersonalData person = new PersonalData("测试员工" + number,
                first17 + ChineseIdNumber.checkCharacter(first17), "1390000" + String.format("%04d", i + 1));
        List<PolicyVersion.UrgentField> fields = rules.urgentlyNeededFields();
        commands.send(new EnrollmentCommands.ApplyForEnrollment(enrollmentId(i), employer(i), person,
                i % 2 == 0 ? "研发工程师" : "高级技工", today.minusDays(10 + 8L * i), LEVELS.get(i % LEVELS.size()),
                fields.get(i % fields.size()).code(), today));
    }

    /** Outcomes by index: 0-25 admitted (some reviewed, some exited), then rejections, pending and a withdrawal. */
    private void decide(int i, LocalDate today) {
        String id = enrollmentId(i);
        if (i >= 32 && i <= 34) {
            return;
        }
        if (i == 29) {
            commands.send(new EnrollmentCommands.WithdrawApplication(id, "候选人另有安排", today));
            return;
        }
        if (i == 26 || i == 27) {
            commands.send(new EnrollmentCommands.ReviewApplication(id, ReviewDecision.REJECT,
                    i == 26 ? "职称证书无法核验" : "劳动合同材料不全", today));
            return;
        }
        commands.send(new EnrollmentCommands.ReviewApplication(id, ReviewDecision.FORWARD_TO_COUNCIL, "材料齐全",
                today));
        if (i == 30 || i == 31) {
            return;
        }
        String resolution = "温人才院理〔" + today.getYear() + "〕" + (1 + i / 10) + "号";
        if (i == 28) {
            commands.send(new EnrollmentCommands.RecordCouncilDecision(id, CouncilDecision.REJECT, resolution,
                    "本批次优先保障急需岗位", today));
            return;
        }
        commands.send(new EnrollmentCommands.RecordCouncilDecision(id, CouncilDecision.APPROVE, resolution, null,
                today));
        if (i == 35) {
            return;
        }
        commands.send(new EnrollmentCommands.AdmitHire(id, today));
        switch (i) {
            case 3, 19 -> commands.send(new EnrollmentCommands.ExitHire(id, ExitReason.LEFT_EMPLOYER, "离职", today));
            case 7 -> commands.send(new EnrollmentCommands.ExitHire(id, ExitReason.MISCONDUCT, "违反聘用合同", today));
            case 11 -> commands.send(new EnrollmentCommands.RecordPeriodicReview(id, ReviewOutcome.FAILED,
                    "年度考核不合格", today));
            case 15 -> commands.send(new EnrollmentCommands.RecordPeriodicReview(id, ReviewOutcome.PASSED, "考核合格",
                    today));
            default -> {
            }
        }
    }

    /** Every fourth application comes from a platform, the others from the six enterprises. */
    private static String employer(int i) {
        String first17 = i % 4 == 0 ? PLATFORMS.get((i / 4) % PLATFORMS.size())
                : ENTERPRISES.get(i % ENTERPRISES.size());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private void awaitRegistryPlatforms() {
        Instant deadline = clock.instant().plus(platformWait);
        while (PLATFORMS.stream().map(code -> platforms.platformOf(code + UnifiedSocialCreditCode.checkCharacter(code)))
                .anyMatch(Optional::isEmpty)) {
            if (!clock.instant().isBefore(deadline)) {
                log.info("demo data: the registry's platforms are not known yet; admitting without platform ids");
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }
}
