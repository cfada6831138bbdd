package cn.gov.wenzhou.kjj.registry.demo;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ConfirmRectification;
import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.EvaluationParameters;
import cn.gov.wenzhou.kjj.registry.command.GradeThresholds;
import cn.gov.wenzhou.kjj.registry.command.Indicators;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.LeadModel;
import cn.gov.wenzhou.kjj.registry.command.LegalForm;
import cn.gov.wenzhou.kjj.registry.command.Level;
import cn.gov.wenzhou.kjj.registry.command.ObligationParameters;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.ReapplyForRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecognizePlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordEvaluation;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RecordNonAttendance;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RectificationIssued;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RegisterPlatform;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SetNoticeAddress;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.SubmitAnnualReport;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.UpgradePlatform;
import cn.gov.wenzhou.kjj.support.demo.DemoPlatforms;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo as an ordered list of steps: the registry's own commands with fixed dates, and waits for what the
 * evaluation rules do on their own. Deterministic: fixed ids, codes, dates and a seeded split, so two runs store the
 * same facts.
 *
 * <p>68 recognized platforms over all ten 5+5 industries and eight districts, whose annual reports (2022 and 2023)
 * add up to exactly the city totals of the bureau's letter (温科提复〔2024〕92号); seven were first recognized in
 * 2024. One fails 2023 and rectifies. Three more walk FAIL → rectification → revocation → refused re-application.
 */
public final class DemoPlan {

    /** The letter's city totals; results transferred and local enterprises served are not in it (demo values). */
    public static final Indicators LETTER_TOTALS = new Indicators(198, 243, 344, 11_236_000_000L, 378,
            27_000_000_000L, 1277, 465, 286, 1530);
    public static final int RECOGNIZED_PLATFORMS = 68;
    public static final int REVOKED_PLATFORMS = 3;
    public static final int RECRUITED_IN_2024 = 7;

    /** Money is split in whole hundreds of yuan, as reports state it. */
    private static final long MONEY_UNIT_FEN = 10_000;
    private static final long SEED = 20_240_626L;

    /** A step of the plan: a command, or a wait until the rules have produced an event on a platform. */
    public sealed interface Step permits Send, AwaitEvent {
    }

    public record Send(Object command) implements Step {
    }

    public record AwaitEvent(String platformId, Class<?> eventType) implements Step {
    }

    private record Spec(int index, String name, District district, String industry, LegalForm legalForm,
                        LeadModel leadModel, String host, Level level, int recognitionYear) {
    }

    private static final String[][] FLAGSHIPS = {
            {"瓯江实验室", "OUHAI", "LIFE_HEALTH", "PUBLIC_INSTITUTION", "GOVERNMENT", "温州医科大学"},
            {"国科温州研究院", "LONGWAN", "NEW_MATERIALS", "PUBLIC_INSTITUTION", "UNIVERSITY_OR_INSTITUTE", "中国科学院大学"},
            {"浙大温州研究院", "OUHAI", "DIGITAL_ECONOMY", "PRIVATE_NON_ENTERPRISE", "UNIVERSITY_OR_INSTITUTE", "浙江大学"},
            {"香港理工大学温州技术创新研究院", "LONGWAN", "INTELLIGENT_EQUIPMENT", "PRIVATE_NON_ENTERPRISE",
                    "UNIVERSITY_OR_INSTITUTE", "香港理工大学"}};
    private static final District[] DISTRICTS = {District.LUCHENG, District.LONGWAN, District.OUHAI, District.RUIAN,
            District.YUEQING, District.YONGJIA, District.PINGYANG, District.CANGNAN};
    private static final String[] SUFFIXES = {"创新研究院", "产业技术研究院", "工程技术研究院", "新型研发中心", "科创中心",
            "技术创新中心", "研究院"};
    private static final String[] HOSTS = {"温州大学", "温州医科大学", "温州理工学院", "浙江工贸职业技术学院", "龙头企业（链主）",
            "浙江工业大学", "上海交通大学"};

    /** The platform whose latest annual report past its due date is missing (年报未交): 瓯江实验室. */
    public static final int MISSING_REPORT_INDEX = 0;

    private final EvaluationParameters parameters;
    private final IndustryCodeTable industries;
    private final ObligationParameters obligations;
    private final LocalDate today;

    /** The letter's history only (2022 and 2023): no reporting obligations. */
    public DemoPlan(EvaluationParameters parameters, IndustryCodeTable industries) {
        this(parameters, industries, null, null);
    }

    /**
     * The letter's history and, relative to {@code today}, the reporting obligations since: every recognized platform
     * keeps a notice address and has reported each year whose reminder period has begun, except
     * {@link #MISSING_REPORT_INDEX}, whose latest report past its due date is missing.
     */
    public DemoPlan(EvaluationParameters parameters, IndustryCodeTable industries, ObligationParameters obligations,
                    LocalDate today) {
        this.parameters = parameters;
        this.industries = industries;
        this.obligations = obligations;
        this.today = today;
    }

    /** The demo's notice address of a platform (an example domain: nothing leaves the dev stack's mail server). */
    public static String noticeAddress(int index) {
        return "platform" + index + "@demo.kjj-wenzhou.example.cn";
    }

    /** The id of platform number {@code index}, as the other services' demo loaders name it too. */
    public static String platformId(int index) {
        return DemoPlatforms.platformId(index);
    }

    public List<Step> steps() {
        List<Spec> specs = specs();
        List<Step> steps = new ArrayList<>();
        List<SubmitAnnualReport> reports = new ArrayList<>();
        for (Spec spec : specs) {
            register(steps, spec);
            if (spec.recognitionYear() <= 2022) {
                reports.add(report(spec, 2022));
            }
            if (spec.recognitionYear() <= 2023) {
                reports.add(report(spec, 2023));
            }
        }
        List<SubmitAnnualReport> split = splitLetterTotals(reports);
        split.forEach(report -> steps.add(new Send(report)));
        evaluate2023(steps, specs, split);
        failingPlatforms(steps);
        if (obligations != null) {
            obligationsUntilToday(steps, specs);
        }
        return steps;
    }

    /**
     * Zero-indicator reports (the letter's totals stay as they are) for each year since the obligations began whose
     * reminder period has begun by {@code today}, for every recognized platform but one.
     */
    private void obligationsUntilToday(List<Step> steps, List<Spec> specs) {
        int lastPastDue = 0;
        for (int year = 2000; year < today.getYear(); year++) {
            int y = year;
            if (obligations.forYear(year).filter(v -> today.isAfter(v.annualReportDueOn(y))).isPresent()) {
                lastPastDue = year;
            }
        }
        for (Spec spec : specs) {
            String id = platformId(spec.index());
            steps.add(new Send(new SetNoticeAddress(id, noticeAddress(spec.index()), today)));
            for (int year = Math.max(2024, spec.recognitionYear()); year <= today.getYear(); year++) {
                int y = year;
                ObligationParameters.Version terms = obligations.forYear(year).orElse(null);
                if (terms == null || today.isBefore(terms.reportReminderFrom(y))
                        || (spec.index() == MISSING_REPORT_INDEX && year == lastPastDue)) {
                    continue;
                }
                LocalDate submittedOn = terms.reportReminderFrom(year).plusDays(1);
                steps.add(new Send(new SubmitAnnualReport(id, year, Indicators.NONE,
                        submittedOn.isAfter(today) ? today : submittedOn)));
            }
        }
    }

    private List<Spec> specs() {
        List<String> codes = industries.inForceOn(LocalDate.of(2023, 1, 1)).industries().stream()
                .map(i -> i.code()).toList();
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < RECOGNIZED_PLATFORMS; i++) {
            Level level = i < 8 ? Level.PROVINCIAL : i == 8 ? Level.NATIONAL : Level.MUNICIPAL;
            int recognitionYear = i >= RECOGNIZED_PLATFORMS - RECRUITED_IN_2024 ? 2024 : 2019 + i % 5;
            if (i < FLAGSHIPS.length) {
                String[] f = FLAGSHIPS[i];
                specs.add(new Spec(i, f[0], District.valueOf(f[1]), f[2], LegalForm.valueOf(f[3]),
                        LeadModel.valueOf(f[4]), f[5], level, 2019 + i));
                continue;
            }
            String industry = codes.get(i % codes.size());
            District district = DISTRICTS[(i * 3) % DISTRICTS.length];
            String name = district.chineseName().substring(0, 2)
                    + industries.describe(industry).orElseThrow().name()
                    + SUFFIXES[(i / codes.size()) % SUFFIXES.length];
            LegalForm form = LegalForm.values()[i % 3];
            LeadModel lead = i % 4 == 0 ? LeadModel.GOVERNMENT
                    : i % 4 == 1 ? LeadModel.UNIVERSITY_OR_INSTITUTE : LeadModel.LEADING_ENTERPRISE;
            specs.add(new Spec(i, name, district, industry, form, lead, HOSTS[i % HOSTS.length], level,
                    recognitionYear));
        }
        return specs;
    }

    private void register(List<Step> steps, Spec spec) {
        String id = platformId(spec.index());
        LocalDate recognizedOn = LocalDate.of(spec.recognitionYear(), 3 + spec.index() % 9, 1 + spec.index() % 27);
        steps.add(new Send(new RegisterPlatform(id, creditCode(spec.index(), spec.legalForm()), spec.name(),
                spec.district(), spec.industry(), industries.inForceOn(recognizedOn).version(), spec.legalForm(),
                spec.leadModel(), List.of(spec.host()), recognizedOn.minusMonths(2))));
        boolean upgraded = spec.level() == Level.PROVINCIAL && spec.index() % 2 == 1;
        Level first = upgraded ? Level.MUNICIPAL : spec.level();
        steps.add(new Send(new RecognizePlatform(id, first, "温科发〔" + spec.recognitionYear() + "〕"
                + (10 + spec.index()) + "号", recognizedOn, recognizedOn)));
        if (upgraded) {
            LocalDate upgradedOn = LocalDate.of(Math.max(spec.recognitionYear() + 1, 2022), 9, 15);
            steps.add(new Send(new UpgradePlatform(id, Level.PROVINCIAL, "浙科发〔" + upgradedOn.getYear() + "〕"
                    + spec.index() + "号", upgradedOn, upgradedOn)));
        }
    }

    private static SubmitAnnualReport report(Spec spec, int year) {
        return new SubmitAnnualReport(platformId(spec.index()), year, Indicators.NONE,
                LocalDate.of(year + 1, 3, 31));
    }

    /**
     * Splits each of the letter's totals over the reports, in proportion to seeded weights (larger for higher
     * levels), by largest remainder: every total is met exactly.
     */
    private List<SubmitAnnualReport> splitLetterTotals(List<SubmitAnnualReport> reports) {
        Random random = new Random(SEED);
        long[] totals = {LETTER_TOTALS.jointRdCentres(), LETTER_TOTALS.cooperationAgreements(),
                LETTER_TOTALS.provincialProjects(), LETTER_TOTALS.researchFundingFen() / MONEY_UNIT_FEN,
                LETTER_TOTALS.inventionPatents(), LETTER_TOTALS.fourTechIncomeFen() / MONEY_UNIT_FEN,
                LETTER_TOTALS.researchers(), LETTER_TOTALS.incubatedEnterprises(), LETTER_TOTALS.resultsTransferred(),
                LETTER_TOTALS.localEnterprisesServed()};
        long[][] values = new long[reports.size()][totals.length];
        for (int k = 0; k < totals.length; k++) {
            long[] weights = new long[reports.size()];
            for (int r = 0; r < reports.size(); r++) {
                int index = indexOf(reports.get(r).platformId());
                long levelFactor = index == 8 ? 5 : index < 8 ? 3 : 1;
                weights[r] = (1 + random.nextInt(9)) * levelFactor * (reports.get(r).year() == 2023 ? 6 : 5);
            }
            long[] shares = largestRemainder(totals[k], weights);
            for (int r = 0; r < reports.size(); r++) {
                values[r][k] = shares[r];
            }
        }
        List<SubmitAnnualReport> split = new ArrayList<>();
        for (int r = 0; r < reports.size(); r++) {
            long[] v = values[r];
            SubmitAnnualReport report = reports.get(r);
            split.add(new SubmitAnnualReport(report.platformId(), report.year(), new Indicators(v[0], v[1], v[2],
                    v[3] * MONEY_UNIT_FEN, v[4], v[5] * MONEY_UNIT_FEN, v[6], v[7], v[8], v[9]),
                    report.submittedOn()));
        }
        return split;
    }

    static long[] largestRemainder(long total, long[] weights) {
        long sum = 0;
        for (long weight : weights) {
            sum += weight;
        }
        long[] shares = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = total * weights[i] / sum;
            remainders[i] = total * weights[i] % sum;
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }

    private void evaluate2023(List<Step> steps, List<Spec> specs, List<SubmitAnnualReport> reports) {
        GradeThresholds thresholds = thresholds(2023);
        LocalDate evaluatedOn = LocalDate.of(2024, 5, 20);
        Random random = new Random(SEED + 1);
        for (Spec spec : specs) {
            String id = platformId(spec.index());
            boolean reported = reports.stream().anyMatch(r -> r.platformId().equals(id) && r.year() == 2023);
            if (!reported) {
                continue;
            }
            if (spec.index() == 30) {
                steps.add(new Send(new RecordNonAttendance(id, 2023, true, "主要负责人变更，经市科技局同意缓评",
                        evaluatedOn)));
                continue;
            }
            BigDecimal score = spec.index() == 20 ? new BigDecimal("55.00")
                    : BigDecimal.valueOf(6500 + random.nextInt(3200), 2);
            steps.add(new Send(new RecordEvaluation(id, 2023, score, null, thresholds, evaluatedOn)));
            if (spec.index() == 20) {
                steps.add(new AwaitEvent(id, RectificationIssued.class));
                steps.add(new Send(new ConfirmRectification(id, 2023, LocalDate.of(2024, 9, 30))));
            }
        }
    }

    /** Three platforms beyond the 68, each ending revoked with a refused re-application. */
    private void failingPlatforms(List<Step> steps) {
        String[] names = {"温州某鞋服智造研究院", "温州某泵阀技术中心", "温州某数字产业研究院"};
        String[] industryCodes = {"FOOTWEAR", "PUMPS_VALVES", "DIGITAL_ECONOMY"};
        District[] districts = {District.LUCHENG, District.YONGJIA, District.RUIAN};
        GradeThresholds of2023 = thresholds(2023);
        GradeThresholds of2024 = thresholds(2024);
        for (int n = 0; n < REVOKED_PLATFORMS; n++) {
            int index = RECOGNIZED_PLATFORMS + n;
            String id = platformId(index);
            LocalDate recognizedOn = LocalDate.of(2021, 6, 1 + n);
            steps.add(new Send(new RegisterPlatform(id, creditCode(index, LegalForm.ENTERPRISE), names[n],
                    districts[n], industryCodes[n], industries.inForceOn(recognizedOn).version(), LegalForm.ENTERPRISE,
                    LeadModel.LEADING_ENTERPRISE, List.of(HOSTS[n]), recognizedOn.minusMonths(2))));
            steps.add(new Send(new RecognizePlatform(id, Level.MUNICIPAL, "温科发〔2021〕" + (80 + n) + "号",
                    recognizedOn, recognizedOn)));
            steps.add(new Send(new SubmitAnnualReport(id, 2023, new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
                    LocalDate.of(2024, 3, 31))));
            steps.add(new Send(new RecordEvaluation(id, 2023, new BigDecimal("52.00").add(BigDecimal.valueOf(n)),
                    null, of2023, LocalDate.of(2024, 5, 20))));
            steps.add(new AwaitEvent(id, RectificationIssued.class));
            if (n == 1) {
                steps.add(new Send(new ConfirmRectification(id, 2023, LocalDate.of(2024, 9, 30))));
            }
            if (n == 2) {
                steps.add(new Send(new RecordNonAttendance(id, 2024, false, null, LocalDate.of(2025, 5, 20))));
            } else {
                steps.add(new Send(new SubmitAnnualReport(id, 2024, new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
                        LocalDate.of(2025, 3, 31))));
                steps.add(new Send(new RecordEvaluation(id, 2024, new BigDecimal("48.00"), null, of2024,
                        LocalDate.of(2025, 5, 20))));
            }
            steps.add(new AwaitEvent(id, RecognitionRevoked.class));
            steps.add(new Send(new ReapplyForRecognition(id, LocalDate.of(2026, 3, 2 + n))));
        }
    }

    private GradeThresholds thresholds(int year) {
        return parameters.forYear(year).orElseThrow(() -> new IllegalStateException(
                "the demo needs evaluation parameters for " + year)).gradeThresholds();
    }

    /** 瓯江实验室 keeps the code the dev stack's {@code platform-demo} client acts for. */
    static final String FLAGSHIP_CODE_FIRST17 = "12330300MB1234567";

    private static String creditCode(int index, LegalForm form) {
        if (index == 0) {
            return FLAGSHIP_CODE_FIRST17 + UnifiedSocialCreditCode.checkCharacter(FLAGSHIP_CODE_FIRST17);
        }
        String prefix = switch (form) {
            case ENTERPRISE -> "91";
            case PUBLIC_INSTITUTION -> "12";
            case PRIVATE_NON_ENTERPRISE -> "52";
        };
        String first17 = prefix + "330300" + "MAD" + String.format("%06d", index);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static int indexOf(String platformId) {
        for (int i = 0; i < RECOGNIZED_PLATFORMS + REVOKED_PLATFORMS; i++) {
            if (platformId(i).equals(platformId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(platformId);
    }
}
