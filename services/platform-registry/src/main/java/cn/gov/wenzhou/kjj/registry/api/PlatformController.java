package cn.gov.wenzhou.kjj.registry.api;

import cn.gov.wenzhou.kjj.registry.command.District;
import cn.gov.wenzhou.kjj.registry.command.Grade;
import cn.gov.wenzhou.kjj.registry.command.IndustryCodeTable;
import cn.gov.wenzhou.kjj.registry.command.Level;
import cn.gov.wenzhou.kjj.registry.command.PlatformStatus;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RegisterPlatform;
import cn.gov.wenzhou.kjj.registry.query.PlatformDetail;
import cn.gov.wenzhou.kjj.registry.query.PlatformFilter;
import cn.gov.wenzhou.kjj.registry.query.PlatformHistory;
import cn.gov.wenzhou.kjj.registry.query.PlatformPage;
import cn.gov.wenzhou.kjj.registry.query.PlatformQueries;
import cn.gov.wenzhou.kjj.registry.query.PlatformSort;
import cn.gov.wenzhou.kjj.registry.query.PlatformTimeline;
import cn.gov.wenzhou.kjj.registry.query.TimelineEntry;
import cn.gov.wenzhou.kjj.support.domain.Bounds;
import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import cn.gov.wenzhou.kjj.support.domain.NotFoundException;
import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.support.history.AsOfReplay;
import cn.gov.wenzhou.kjj.support.security.CurrentActor;
import cn.gov.wenzhou.kjj.support.time.BusinessCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/platforms")
@Tag(name = "Platforms", description = "Registration, the platform list, a platform's record and its timeline")
public class PlatformController {

    static final int MAX_PAGE_SIZE = 200;

    private final CommandGateway commands;
    private final PlatformQueries queries;
    private final PlatformTimeline timeline;
    private final PlatformHistory history;
    private final PlatformAccess access;
    private final IndustryCodeTable industries;
    private final Clock clock;

    public PlatformController(CommandGateway commands, PlatformQueries queries, PlatformTimeline timeline,
                              PlatformHistory history, PlatformAccess access, IndustryCodeTable industries,
                              Clock clock) {
        this.history = history;
        this.commands = commands;
        this.queries = queries;
        this.timeline = timeline;
        this.access = access;
        this.industries = industries;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a platform (登记); it is then an applicant for recognition",
            description = "The credit code must carry a valid GB 32100-2015 check character and belong to no other "
                    + "platform (409 platform.credit-code-unique). District: code or Chinese name. Industry: code, "
                    + "name or alias in the 5+5 code table in force today.")
    @ApiResponse(responseCode = "201", description = "Registered; body {\"platformId\": …}")
    @ApiResponse(responseCode = "400", description = "A field is invalid (named in errors[].field)")
    @ApiResponse(responseCode = "409", description = "platform.credit-code-unique")
    public ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterPlatformRequest request) {
        String platformId = UUID.randomUUID().toString();
        LocalDate today = BusinessCalendar.today(clock);
        IndustryCodeTable.Resolved industry = industries.resolve(request.industry(), today, "industry");
        commands.sendAndWait(new RegisterPlatform(
                platformId,
                UnifiedSocialCreditCode.parse(request.creditCode(), "creditCode").value(),
                request.name().trim(),
                District.parse(request.district(), "district"),
                industry.industry().code(),
                industry.tableVersion(),
                request.legalForm(),
                request.leadModel(),
                request.hosts() == null ? List.of() : request.hosts().stream().map(String::trim).toList(),
                registeredOn(request.registeredOn(), today)));
        return ResponseEntity.created(URI.create("/api/platforms/" + platformId))
                .body(Map.of("platformId", platformId));
    }

    /** A platform registered before it was entered here keeps its own date; absent, it registers today. */
    private static LocalDate registeredOn(LocalDate requested, LocalDate today) {
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new InvalidInputException("registeredOn", "is in the future (today is " + today + ")");
        }
        return Bounds.notBeforeMinimum(requested, "registeredOn");
    }

    @GetMapping
    @Operation(summary = "List platforms with filters, an order and paging (by default by name)",
            description = "With year, the list holds the platforms recognized by the end of that year or having a "
                    + "record for it, each with that year's report, result and rectification; grade and reported "
                    + "filter on that record.")
    public PlatformPage list(
            @Parameter(description = "5+5 industry: code, name or alias") @RequestParam(required = false) String industry,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) PlatformStatus status,
            @Parameter(description = "District code or Chinese name") @RequestParam(required = false) String district,
            @Parameter(description = "Evaluation year") @RequestParam(required = false) Integer year,
            @Parameter(description = "With year: EXCELLENT, GOOD, PASS, FAIL or NOT_ATTENDED")
            @RequestParam(required = false) String grade,
            @Parameter(description = "With year: whether the year's report was submitted")
            @RequestParam(required = false) Boolean reported,
            @Parameter(description = "First recognized (recruited) in this year")
            @RequestParam(required = false) Integer recognizedYear,
            @Parameter(description = "Part of the name") @RequestParam(required = false) String name,
            @RequestParam(required = false) String creditCode,
            @Parameter(description = "From 0 to 100000") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 200") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name (default), registeredOn, firstRecognizedOn, status, level, district, "
                    + "industry or updatedAt") @RequestParam(required = false) String sort,
            @Parameter(description = "asc (default) or desc") @RequestParam(required = false) String direction) {
        if ((grade != null || reported != null) && year == null) {
            throw new InvalidInputException(grade != null ? "grade" : "reported", "needs a year");
        }
        if (grade != null && !"NOT_ATTENDED".equals(grade)) {
            try {
                Grade.valueOf(grade);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("grade", "is not EXCELLENT, GOOD, PASS, FAIL or NOT_ATTENDED");
            }
        }
        year(year, "year");
        year(recognizedYear, "recognizedYear");
        if (page < 0 || page > Bounds.MAX_PAGE) {
            throw new InvalidInputException("page", "must be between 0 and " + Bounds.MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        PlatformSort order = sort == null || sort.isBlank() ? PlatformSort.NAME : PlatformSort.parse(sort)
                .orElseThrow(() -> new InvalidInputException("sort", "is not one of name, registeredOn, "
                        + "firstRecognizedOn, status, level, district, industry, updatedAt"));
        if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidInputException("direction", "is not asc or desc");
        }
        LocalDate today = BusinessCalendar.today(clock);
        return queries.list(new PlatformFilter(
                industry == null ? null : industries.resolve(industry, today, "industry").industry().code(),
                level == null ? null : level.name(),
                status == null ? null : status.name(),
                district == null ? null : District.parse(district, "district").name(),
                year, grade, reported, recognizedYear, name,
                creditCode == null ? null : UnifiedSocialCreditCode.parse(creditCode, "creditCode").value()),
                page, size, order, "desc".equals(direction));
    }

    @GetMapping("/mine")
    @Operation(summary = "The calling platform's own record (PLATFORM role, by the credit code in its token)")
    public PlatformDetail mine() {
        String creditCode = CurrentActor.organisationScope()
                .orElseThrow(() -> new NotFoundException("platform for credit code", "(none in token)"));
        return queries.byCreditCode(creditCode)
                .flatMap(platform -> queries.detail(platform.platformId()))
                .orElseThrow(() -> new NotFoundException("platform for credit code", creditCode));
    }

    @GetMapping("/{platformId}")
    @Operation(summary = "A platform's record with every evaluation year",
            description = "Report, result, rectification and the facts recorded from funding-service and "
                    + "talent-pool-service, per year. A PLATFORM caller sees only its own.")
    public PlatformDetail get(@PathVariable String platformId) {
        access.require(platformId);
        return queries.detail(platformId).orElseThrow(() -> new NotFoundException("platform", platformId));
    }

    @GetMapping("/{platformId}/timeline")
    @Operation(summary = "A platform's timeline: every event in order, read from the event store",
            description = "Chinese and English labels and summaries, who did it (actor, actorRole) and when. "
                    + "system:… actors are the registry's own rules and feeds. A platform reading its own timeline "
                    + "sees bureau staff as their role (actor = actorRole), never their accounts.")
    public List<TimelineEntry> timeline(@PathVariable String platformId) {
        access.require(platformId);
        List<TimelineEntry> entries = timeline.of(platformId);
        return CurrentActor.organisationScope().isPresent()
                ? entries.stream().map(TimelineEntry::staffShownByRole).toList()
                : entries;
    }

    @GetMapping("/{platformId}/as-of")
    @Operation(summary = "A platform's record as of a past instant, replayed from the event store",
            description = "Give 'at' (an instant, UTC) or 'date' (the end of that business day, Asia/Shanghai). "
                    + "Status, level, recognition, each year's report, result and rectification, revocation and "
                    + "the date re-application reopens, and what funding and the talent pool had recorded by then. "
                    + "404 before the platform was registered. A PLATFORM caller sees only its own.")
    public PlatformHistory.AsOf asOf(@PathVariable String platformId,
                                     @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
                                     @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Instant instant = AsOfReplay.instant(at, date);
        access.require(platformId);
        return history.asOf(platformId, instant);
    }

    private static void year(Integer year, String field) {
        if (year != null && (year < Requests.MIN_YEAR || year > Requests.MAX_YEAR)) {
            throw new InvalidInputException(field, "must be between " + Requests.MIN_YEAR + " and "
                    + Requests.MAX_YEAR);
        }
    }
}
