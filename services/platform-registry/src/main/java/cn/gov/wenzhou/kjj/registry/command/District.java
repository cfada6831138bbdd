package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/** The twelve county-level divisions of Wenzhou; each has a district science authority that supervises rectification. */
public enum District {
    LUCHENG("鹿城区"),
    LONGWAN("龙湾区"),
    OUHAI("瓯海区"),
    DONGTOU("洞头区"),
    RUIAN("瑞安市"),
    YUEQING("乐清市"),
    LONGGANG("龙港市"),
    YONGJIA("永嘉县"),
    PINGYANG("平阳县"),
    CANGNAN("苍南县"),
    WENCHENG("文成县"),
    TAISHUN("泰顺县");

    private final String chineseName;

    District(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The authority that supervises a platform's rectification (属地科技主管部门). */
    public String supervisingAuthority() {
        return chineseName + "科技局";
    }

    /** Accepts the code ({@code LUCHENG}), the full Chinese name (鹿城区) or the short one (鹿城). */
    public static District parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String value = input.trim();
        return Arrays.stream(values())
                .filter(d -> d.name().equals(value.toUpperCase(Locale.ROOT))
                        || d.chineseName.equals(value)
                        || d.chineseName.substring(0, d.chineseName.length() - 1).equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "is not one of Wenzhou's 12 districts"));
    }
}
