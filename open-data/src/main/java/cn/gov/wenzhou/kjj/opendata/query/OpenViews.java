package cn.gov.wenzhou.kjj.opendata.query;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.lang.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public sees. Money in yuan (exact, two decimals), currency CNY; dates are Asia/Shanghai business dates.
 * Every component is in every answer; one marked {@link Nullable} may be {@code null} there (so the OpenAPI document
 * says), every other never is.
 */
public final class OpenViews {

    private OpenViews() {
    }

    /** One page of a list, and the opaque cursor of the next one (null on the last page). */
    public record Page<T>(
            List<T> items,
            @Schema(description = "items matching the filters, on every page") long total,
            @Schema(description = "the next page's path with its cursor; null on the last page")
            @Nullable String next) {
    }

    /** An organisation by its Unified Social Credit Code, with its org-id.guide identifier. */
    public record Organisation(
            @Schema(description = "null only for a partner platform the registry has not published",
                    example = "91330300MA2H7K8L0G") @Nullable String creditCode,
            @Schema(description = "null only when creditCode is", example = "CN-USCI-91330300MA2H7K8L0G")
            @Nullable String orgId,
            @Schema(description = "the registry's name when the organisation is a registered platform, else null",
                    example = "瓯江实验室") @Nullable String name,
            @Schema(description = "its registry id when it is a registered platform, else null")
            @Nullable String platformId) {
    }

    public record District(@Schema(example = "LUCHENG") @Nullable String code,
                           @Schema(example = "鹿城区") @Nullable String name) {
    }

    /**
     * @param grade EXCELLENT 优秀, GOOD 良好, PASS 合格, FAIL 不合格, NOT_ATTENDED (did not take part, without a justified
     *              reason), NOT_ATTENDED_JUSTIFIED
     */
    public record GradeOfYear(@Schema(example = "2024") int year, @Schema(example = "GOOD") String grade) {
    }

    public record Platform(
            String platformId,
            @Schema(example = "12330300MB1234567M") String creditCode,
            @Schema(example = "CN-USCI-12330300MB1234567M") String orgId,
            @Schema(example = "瓯江实验室") String name,
            District district,
            @Schema(description = "5+5 industry chain code", example = "INTELLIGENT_EQUIPMENT")
            @Nullable String industry,
            @Schema(description = "RECOGNIZED, UNDER_RECTIFICATION, REVOKED or REAPPLIED", example = "RECOGNIZED")
            String status,
            @Schema(description = "MUNICIPAL, PROVINCIAL or NATIONAL; null while not recognized",
                    example = "MUNICIPAL") @Nullable String level,
            @Nullable LocalDate registeredOn,
            @Nullable LocalDate firstRecognizedOn,
            @Schema(description = "the latest recognition") @Nullable LocalDate recognizedOn,
            @Schema(description = "the latest revocation, if any") @Nullable LocalDate revokedOn,
            @Schema(description = "after a revocation: the first day it may apply again")
            @Nullable LocalDate reapplicationOpensOn,
            @Schema(description = "the annual evaluation's grade by year; never a score") List<GradeOfYear> grades) {
    }

    public record Demand(
            String demandId,
            @Schema(example = "高压大流量泵阀密封可靠性关键技术") String title,
            @Schema(example = "泵阀") @Nullable String industry,
            @Nullable String description,
            @Schema(description = "the enterprise that posted the demand (发榜企业)") Organisation enterprise,
            @Schema(description = "LEADING (龙头骨干) or CHAIN_LEADER (链主)") String enterpriseTier,
            @Schema(description = "the most the special fund may contribute, yuan", example = "3000000.00")
            BigDecimal budgetCeiling) {
    }

    public record Call(
            String callId,
            @Schema(description = "null (as title and openedOn) while only the call's list is published",
                    example = "2025") @Nullable Integer year,
            @Schema(example = "2025年度温州市重大科技攻关项目揭榜挂帅") @Nullable String title,
            @Nullable LocalDate openedOn,
            @Schema(description = "null until the list (榜单) is published") @Nullable LocalDate listPublishedOn,
            @Schema(description = "the published list, in list order") List<Demand> demands) {
    }

    /** @param kind TRANCHE (paid) or RECOVERY (recovered, 追回) */
    public record Payment(String kind, @Schema(description = "null for a recovery") @Nullable Integer trancheNumber,
                          BigDecimal amount, LocalDate on) {
    }

    public record Award(
            String projectId,
            String callId,
            @Schema(description = "null (as callYear) while the call itself is not published")
            @Nullable String callTitle,
            @Nullable Integer callYear,
            @Schema(example = "新能源汽车电驱系统关键技术攻关") String title,
            @Schema(description = "the lead recipient") Organisation recipient,
            @Schema(description = "platforms of a joint bid") List<Organisation> partners,
            @Schema(description = "yuan", example = "1500000.00") BigDecimal amountAwarded,
            @Schema(example = "CNY") String currency,
            LocalDate awardedOn,
            @Schema(description = "tranches paid to date, yuan", example = "750000.00") BigDecimal paidToDate,
            @Schema(description = "funds recovered to date, yuan", example = "0.00") BigDecimal recoveredToDate,
            List<Payment> payments,
            @Schema(description = "ACTIVE or CLOSED") String status,
            @Schema(description = "when closed: ACCEPTED, NOT_ACCEPTED or TERMINATED") @Nullable String outcome,
            @Nullable LocalDate closedOn) {
    }

    /** The staffing pool (编制池) in a year: counts, never a person. */
    public record PoolYear(
            @Schema(example = "2025") int year,
            @Schema(description = "posts decided for the year; null if none", example = "200") @Nullable Integer quota,
            @Nullable LocalDate quotaDecidedOn,
            @Schema(description = "hires admitted in the year", example = "37") int admitted,
            @Schema(description = "hires who left the pool in the year", example = "4") int exited) {
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
