package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "A page of platforms, ordered by name")
public record PlatformPage(List<Item> items, int page, int size, long total) {

    @Schema(description = "A platform, and its record for the requested year when one was asked for")
    public record Item(PlatformView platform, PlatformYearView year) {
    }
}
