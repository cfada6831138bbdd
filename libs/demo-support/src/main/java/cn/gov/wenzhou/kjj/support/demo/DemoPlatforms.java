package cn.gov.wenzhou.kjj.support.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The registry demo's platforms as the other services' demo loaders name them, so that in the dev stack a funding
 * demo's joint bid names a platform the registry registered (and the registry counts the project for it) rather than
 * one nobody knows. The registry's demo plan registers each partner below with exactly this id, credit code and name,
 * and leaves it recognized at this level (its DemoPlanTest checks it): funding's demo records that standing, so the
 * registry's own events about them, arriving in the dev stack, change nothing funding ranks by.
 */
public final class DemoPlatforms {

    /** The registry demo's platforms the funding demo's joint bids are made with, in the funding demo's order. */
    public static final List<Partner> JOINT_BID_PARTNERS = List.of(
            new Partner(2, "52330300MAD000002E", "浙大温州研究院", "PROVINCIAL"),
            new Partner(10, "12330300MAD000010D", "平阳电气产业技术研究院", "MUNICIPAL"),
            new Partner(8, "52330300MAD0000081", "鹿城新能源智能网联汽车创新研究院", "NATIONAL"),
            new Partner(20, "52330300MAD000020A", "乐清电气工程技术研究院", "MUNICIPAL"),
            new Partner(61, "12330300MAD000061M", "苍南鞋业研究院", "MUNICIPAL"));

    private DemoPlatforms() {
    }

    /** The id of the registry demo's platform number {@code index}. */
    public static String platformId(int index) {
        return UUID.nameUUIDFromBytes(("wenzhou-stb-demo-platform-" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A registry demo platform as it is registered: its number in the plan, credit code, name and final level. */
    public record Partner(int index, String creditCode, String name, String level) {

        public String platformId() {
            return DemoPlatforms.platformId(index);
        }
    }
}
