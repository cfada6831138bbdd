package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(description = "A platform's current record")
public record PlatformView(
        String platformId,
        @Schema(description = "Unified Social Credit Code (统一社会信用代码)") String creditCode,
        String name,
        @Schema(example = "LUCHENG") String district,
        @Schema(example = "鹿城区") String districtName,
        @Schema(example = "INTELLIGENT_EQUIPMENT") String industry,
        @Schema(example = "智能装备") String industryName,
        @Schema(description = "5+5 code table version used at registration") String industryTableVersion,
        String legalForm,
        String leadModel,
        List<String> hosts,
        @Schema(example = "RECOGNIZED",
                allowableValues = {"REGISTERED", "RECOGNIZED", "UNDER_RECTIFICATION", "REVOKED", "REAPPLIED"})
        String status,
        @Schema(example = "已认定") String statusName,
        @Schema(description = "Current level; null unless recognized", allowableValues = {"MUNICIPAL", "PROVINCIAL",
                "NATIONAL"}) String level,
        LocalDate registeredOn,
        @Schema(description = "First recognition: the year it counts as recruited (招引)") LocalDate firstRecognizedOn,
        LocalDate recognizedOn,
        @Schema(description = "Document of the latest recognition or upgrade") String documentNumber,
        @Schema(description = "Rectification notices not yet confirmed") int openRectifications,
        LocalDate revokedOn,
        String revocationReason,
        LocalDate reapplicationOpensOn,
        int refusedReapplications,
        Integer lastEvaluatedYear,
        @Schema(description = "Grade of the last evaluated year, or NOT_ATTENDED") String lastGrade,
        @Schema(description = "When the record last changed (time of the event)") Instant updatedAt) {
}
