package cn.gov.wenzhou.kjj.funding.command;

import cn.gov.wenzhou.kjj.funding.command.ProjectCommands.ApproveDisbursement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * An approval needs two aggregates: the approver's delegation and the project. One command, decided on the command
 * side in one unit of work: the delegation as it stands now, then the project's own rules — a report overdue on the
 * project (or, by the reporting rules, on another project of its recipient: {@link RecipientHolds}) refuses it.
 */
@Component
public class PaymentApprovalHandler {

    private final Repository<FundedProject> projects;
    private final Function<String, ApproverDelegation.Delegation> delegations;

    @Autowired
    public PaymentApprovalHandler(@Qualifier("fundedProjectRepository") Repository<FundedProject> projects,
                                  @Qualifier("approverDelegationRepository")
                                  Repository<ApproverDelegation> delegations) {
        this(projects, approver -> {
            try {
                return delegations.load(approver).invoke(ApproverDelegation::delegation);
            } catch (AggregateNotFoundException none) {
                return ApproverDelegation.Delegation.none(approver);
            }
        });
    }

    PaymentApprovalHandler(Repository<FundedProject> projects,
                           Function<String, ApproverDelegation.Delegation> delegations) {
        this.projects = projects;
        this.delegations = delegations;
    }

    @CommandHandler
    public void handle(ApproveDisbursement command, RecipientHolds holds) {
        ApproverDelegation.Delegation delegation = delegations.apply(command.approver());
        projects.load(command.projectId()).execute(project -> project.approve(command, delegation, holds));
    }
}
