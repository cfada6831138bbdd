package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The city's "5+5" industry chains: five traditional, five emerging. */
public enum Industry {
    ELECTRICAL_EQUIPMENT("电气", List.of("电气产业", "electrical equipment")),
    FOOTWEAR("鞋业", List.of("鞋革", "footwear", "footwear & leather")),
    APPAREL("服装", List.of("服装产业", "apparel")),
    AUTO_MOTORCYCLE_PARTS("汽摩配", List.of("汽车零部件", "auto & motorcycle parts")),
    PUMPS_VALVES("泵阀", List.of("泵阀产业", "pumps & valves")),
    DIGITAL_ECONOMY("数字经济", List.of("digital economy")),
    INTELLIGENT_EQUIPMENT("智能装备", List.of("intelligent equipment")),
    LIFE_HEALTH("生命健康", List.of("life & health", "life and health")),
    NEW_ENERGY_CONNECTED_VEHICLES("新能源智能网联汽车", List.of("新能源汽车", "智能网联汽车",
            "new-energy & intelligent connected vehicles")),
    NEW_MATERIALS("新材料", List.of("new materials"));

    private final String chineseName;
    private final List<String> aliases;

    Industry(String chineseName, List<String> aliases) {
        this.chineseName = chineseName;
        this.aliases = aliases;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Industry parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String value = input.trim();
        return Arrays.stream(values())
                .filter(i -> i.name().equals(value.toUpperCase(Locale.ROOT))
                        || i.chineseName.equals(value)
                        || i.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(value)))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "is not a 5+5 industry"));
    }
}
