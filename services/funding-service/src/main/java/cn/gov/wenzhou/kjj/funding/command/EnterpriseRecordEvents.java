package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;

/**
 * What happened to an enterprise's record ({@link EnterpriseRecord}). Stored by earlier releases as
 * {@code EnterpriseTierRecorded} and {@code EnterpriseContact$EnterpriseNoticeAddressSet}: {@link FundingEventRenames}
 * reads those names as these records.
 */
public sealed interface EnterpriseRecordEvents {

    /**
     * An enterprise's tier as the bureau recorded it; who recorded it is in the event's metadata ({@code actor},
     * {@code actorRole}), when in its timestamp and {@code recordedOn}, why in {@code reason} and {@code documentRef}.
     *
     * @param previousTier the tier before this record ({@code null} for the first)
     */
    public record EnterpriseTierRecorded(String creditCode, EnterpriseTier tier, EnterpriseTier previousTier,
                                         String reason, String documentRef, LocalDate recordedOn)
            implements EnterpriseRecordEvents {
    }

    /** The enterprise's notice address, with the history of every change in the record's stream. */
    public record EnterpriseNoticeAddressSet(String creditCode, String address, String setBy, LocalDate setOn)
            implements EnterpriseRecordEvents {

        /** Never shows the address (records print every component otherwise). */
        @Override
        public String toString() {
            return "EnterpriseNoticeAddressSet[" + creditCode + ", set by " + setBy + " on " + setOn + "]";
        }
    }
}
