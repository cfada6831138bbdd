package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.domain.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hire's qualification: a professional title (职称) or a vocational skill level (职业技能等级). Two tracks, each
 * ranked; the letter admits "mid-level professional titles and technicians upward", the policy parameters name the
 * minimum of each track.
 */
public enum TitleLevel {
    JUNIOR(Track.PROFESSIONAL_TITLE, 1, "初级职称", List.of("初级", "助理级")),
    MID_LEVEL(Track.PROFESSIONAL_TITLE, 2, "中级职称", List.of("中级")),
    ASSOCIATE_SENIOR(Track.PROFESSIONAL_TITLE, 3, "副高级职称", List.of("副高级", "副高")),
    SENIOR(Track.PROFESSIONAL_TITLE, 4, "正高级职称", List.of("正高级", "正高")),
    INTERMEDIATE_WORKER(Track.SKILL_LEVEL, 1, "中级工", List.of("四级")),
    ADVANCED_WORKER(Track.SKILL_LEVEL, 2, "高级工", List.of("三级")),
    TECHNICIAN(Track.SKILL_LEVEL, 3, "技师", List.of("二级")),
    SENIOR_TECHNICIAN(Track.SKILL_LEVEL, 4, "高级技师", List.of("一级"));

    public enum Track { PROFESSIONAL_TITLE, SKILL_LEVEL }

    private final Track track;
    private final int rank;
    private final String chineseName;
    private final List<String> aliases;

    TitleLevel(Track track, int rank, String chineseName, List<String> aliases) {
        this.track = track;
        this.rank = rank;
        this.chineseName = chineseName;
        this.aliases = aliases;
    }

    public Track track() {
        return track;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Same track and at least as high as {@code minimum}. */
    public boolean atLeast(TitleLevel minimum) {
        return track == minimum.track && rank >= minimum.rank;
    }

    /** Accepts the code ({@code MID_LEVEL}), the Chinese name ({@code 中级职称}) or an alias; else {@code 400}. */
    public static TitleLevel parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        String value = input.trim();
        return Arrays.stream(values())
                .filter(level -> level.name().equals(value.toUpperCase(Locale.ROOT))
                        || level.chineseName.equals(value) || level.aliases.contains(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field,
                        "is not a known title level (" + Arrays.toString(values()) + ")"));
    }
}
