package cn.gov.wenzhou.kjj.registry.command;

import java.time.LocalDate;

/**
 * The address the platform's notices go to (通知邮箱). Personal-ish: kept in the event store and the mail outbox only,
 * never published, logged or put in a URL.
 */
public record NoticeAddressSet(String platformId, String address, LocalDate setOn) {

    @Override
    public String toString() {
        return "NoticeAddressSet[" + platformId + ", " + setOn + "]";
    }
}
