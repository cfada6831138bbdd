package cn.gov.wenzhou.kjj.talent.command;

/** Where {@link RegistryPlatform} writes down which credit code a platform holds, in its command's transaction. */
public interface NotedPlatforms {

    /** Notes that {@code platformId} holds {@code creditCode}; a platform noted before keeps when it was first noted. */
    void note(String platformId, String creditCode);
}
