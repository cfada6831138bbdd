package cn.gov.wenzhou.kjj.registry.command;

import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.IssueRectification;
import cn.gov.wenzhou.kjj.registry.command.PlatformCommands.RevokeRecognition;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.EvaluationNotAttended;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformEvaluated;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformReRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.PlatformRecognized;
import cn.gov.wenzhou.kjj.registry.command.PlatformEvents.RecognitionRevoked;
import cn.gov.wenzhou.kjj.support.security.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.Map;
import java.util.TreeSet;

/**
 * The automatic consequences of an annual evaluation, one saga per recognition of a platform (年度绩效评价和退出机制):
 * <ul>
 *   <li>a FAIL issues a rectification notice (发函提醒整改), supervised by the district authority;</li>
 *   <li>a FAIL in the year before or after another FAIL revokes municipal recognition (连续两年不合格);</li>
 *   <li>not taking part without a justified reason revokes it (无正当理由不参加).</li>
 * </ul>
 * Decisions depend only on the events, and the commands take their dates from them, so a redelivery decides the same;
 * the aggregate ignores a repeated notice or revocation. The commands are the system's, not the evaluator's.
 */
@Saga
public class EvaluationRulesSaga {

    static final String ACTOR = "system:platform-registry/evaluation-rules";

    private String platformId;
    private TreeSet<Integer> failedYears = new TreeSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "platformId")
    public void on(PlatformRecognized event) {
        platformId = event.platformId();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "platformId")
    public void on(PlatformReRecognized event) {
        platformId = event.platformId();
    }

    @SagaEventHandler(associationProperty = "platformId")
    public void on(PlatformEvaluated event, CommandGateway commands) {
        if (event.grade() != Grade.FAIL) {
            return;
        }
        failedYears.add(event.year());
        if (failedYears.contains(event.year() - 1) || failedYears.contains(event.year() + 1)) {
            send(commands, new RevokeRecognition(platformId, RevocationReason.FAILED_TWO_CONSECUTIVE_YEARS,
                    event.year(), event.evaluatedOn()));
        } else {
            send(commands, new IssueRectification(platformId, event.year(), event.evaluatedOn()));
        }
    }

    @SagaEventHandler(associationProperty = "platformId")
    public void on(EvaluationNotAttended event, CommandGateway commands) {
        if (!event.justified()) {
            send(commands, new RevokeRecognition(platformId, RevocationReason.NOT_ATTENDED_WITHOUT_JUSTIFICATION,
                    event.year(), event.recordedOn()));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "platformId")
    public void on(RecognitionRevoked event) {
        // a later re-recognition starts a fresh saga: failures before the revocation no longer count
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(Actor.SUBJECT_KEY, ACTOR, Actor.ROLE_KEY, "SYSTEM")));
    }
}
