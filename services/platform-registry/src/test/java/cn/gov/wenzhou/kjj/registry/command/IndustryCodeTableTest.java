package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndustryCodeTableTest {

    private static final Industry FOOTWEAR = new Industry("FOOTWEAR", "鞋业", "footwear & leather",
            Industry.Group.TRADITIONAL, List.of("鞋革"));
    private static final Industry VEHICLES = new Industry("NEW_ENERGY_CONNECTED_VEHICLES", "新能源智能网联汽车",
            "new-energy & intelligent connected vehicles", Industry.Group.EMERGING, List.of("新能源汽车"));
    private static final Industry FASHION = new Industry("FOOTWEAR", "时尚鞋服", "fashion footwear",
            Industry.Group.TRADITIONAL, List.of("鞋业", "鞋革"));

    private final IndustryCodeTable table = new IndustryCodeTable(List.of(
            new IndustryCodeTable.Version("2023.1", LocalDate.of(2023, 1, 1), "plan", List.of(FOOTWEAR, VEHICLES)),
            new IndustryCodeTable.Version("2026.1", LocalDate.of(2026, 1, 1), "renamed", List.of(FASHION, VEHICLES))));

    @Test
    void codeNameEnglishNameAndAliasesAllResolveToTheCanonicalCode() {
        LocalDate on = LocalDate.of(2024, 5, 1);
        for (String input : List.of("FOOTWEAR", "footwear", "鞋业", "鞋革", " Footwear & Leather ")) {
            assertThat(table.resolve(input, on, "industry").industry().code()).as(input).isEqualTo("FOOTWEAR");
        }
        assertThat(table.resolve("新能源汽车", on, "industry").tableVersion()).isEqualTo("2023.1");
    }

    @Test
    void inputIsResolvedAgainstTheVersionInForceOnTheDate() {
        assertThatThrownBy(() -> table.resolve("时尚鞋服", LocalDate.of(2025, 12, 31), "industry"))
                .isInstanceOf(InvalidInputException.class);
        IndustryCodeTable.Resolved resolved = table.resolve("时尚鞋服", LocalDate.of(2026, 1, 1), "industry");
        assertThat(resolved.industry().code()).isEqualTo("FOOTWEAR");
        assertThat(resolved.tableVersion()).isEqualTo("2026.1");
    }

    @Test
    void unknownIndustryIsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> table.resolve("房地产", LocalDate.of(2024, 1, 1), "industry"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("industry");
                    assertThat(e.getMessage()).contains("5+5");
                });
    }

    @Test
    void storedCodesAreDescribedByTheNewestVersionThatKnowsThem() {
        assertThat(table.describe("FOOTWEAR")).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("时尚鞋服"));
        assertThat(table.describe("NO_SUCH")).isEmpty();
    }

    @Test
    void anAliasNamingTwoIndustriesIsRejectedAtStartup() {
        Industry clash = new Industry("APPAREL", "服装", "apparel", Industry.Group.TRADITIONAL, List.of("鞋革"));
        assertThatThrownBy(() -> new IndustryCodeTable.Version("x", LocalDate.of(2023, 1, 1), "b",
                List.of(FOOTWEAR, clash))).hasMessageContaining("names two industries");
    }
}
