package cn.gov.wenzhou.kjj.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record OpenChallengeCall(@TargetAggregateIdentifier String callId, int year, String title,
                                LocalDate openedOn) {
}
