package cn.gov.wenzhou.kjj.support.app;

import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/** A saga for the projection-operation tests: a tracking processor Axon cannot reset, like the registry's rules. */
@Saga
public class LedgerWatchSaga {

    public static final String PROCESSOR = "LedgerWatchSagaProcessor";

    private String ledgerId;

    @StartSaga
    @SagaEventHandler(associationProperty = "ledgerId")
    public void on(Ledger.LedgerOpened event, SynchronousCommitSeen seen) {
        ledgerId = event.ledgerId();
        seen.record("saga", ledgerId);
    }
}
