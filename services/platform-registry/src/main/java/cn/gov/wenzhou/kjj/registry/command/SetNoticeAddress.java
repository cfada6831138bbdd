package cn.gov.wenzhou.kjj.registry.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Sets or changes the e-mail address the platform's notices go to. */
public record SetNoticeAddress(@TargetAggregateIdentifier String platformId, String address, LocalDate setOn) {

    @Override
    public String toString() {
        return "SetNoticeAddress[" + platformId + ", " + setOn + "]";
    }
}
