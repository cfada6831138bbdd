package cn.gov.wenzhou.kjj.talent.command;

import cn.gov.wenzhou.kjj.support.projection.ProjectionOperations;
import cn.gov.wenzhou.kjj.talent.TalentFlows;
import cn.gov.wenzhou.kjj.talent.TalentIntegrationTest;
import cn.gov.wenzhou.kjj.talent.TalentTestData;
import cn.gov.wenzhou.kjj.talent.TestMasterKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start on data keys wrapped under a master key it was not given, rather than fail later. */
@TalentIntegrationTest
class StoredDataKeysNeedTheirMasterKeyTest {

    private static final PersonalDataProperties.Rotation ROTATION =
            new PersonalDataProperties.Rotation(200, Duration.ZERO);

    @LocalServerPort
    int port;
    @Autowired
    ProjectionOperations projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    MasterKeys keys;

    @Test
    void anotherMasterKeyAloneIsRefusedAtStartAndNamesTheKeyIdsNotTheKeys() {
        new TalentFlows(port, projections).apply(TalentTestData.creditCode(), TalentTestData.person());
        String other = MasterKey.generateBase64();

        assertThatThrownBy(() -> new JdbcPersonRegistry(jdbc,
                MasterKeys.from(new PersonalDataProperties(other, null, ROTATION)), Clock.systemUTC()))
                .isInstanceOf(MasterKeyConfigurationException.class)
                .hasMessageContaining("wrapped under master key " + keys.current().id())
                .hasMessageContaining("TALENT_PREVIOUS_MASTER_KEY is not set")
                .hasMessageNotContaining(other);
    }

    @Test
    void theKeyThatWrappedThemAsPreviousKeyLetsTheServiceStartToRotate() {
        new TalentFlows(port, projections).apply(TalentTestData.creditCode(), TalentTestData.person());
        String current = environment.getProperty(TestMasterKey.PROPERTY);
        MasterKeys rotating = MasterKeys.from(new PersonalDataProperties(MasterKey.generateBase64(), current, ROTATION));

        assertThat(new JdbcPersonRegistry(jdbc, rotating, Clock.systemUTC())).isNotNull();
    }
}
