package cn.gov.wenzhou.kjj.registry.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "An exact amount of CNY: fen, and the same in yuan with two decimals")
public record Money(@Schema(example = "11236000000") long fen, @Schema(example = "112360000.00") BigDecimal yuan) {

    public static Money ofFen(long fen) {
        return new Money(fen, BigDecimal.valueOf(fen, 2));
    }
}
