-- The command-side platform directory is one class for every service that replicates the registry's platforms
-- (cn.gov.wenzhou.kjj.support.platforms.JdbcPlatformDirectory, as talent-pool-service's V14): a platform keeps when it
-- was first noted, so a credit code names the most recently registered platform of the organisation, not the one
-- whose standing changed last (a platform revoked long ago and noted again must not take the code from its successor).
alter table platform_credit_code rename column changed_at to noted_at;
