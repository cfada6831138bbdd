package cn.gov.wenzhou.kjj.talent.command;

/** Where an enterprise's application for its hire stands. */
public enum EnrollmentState {
    /** Applied by the employer, awaiting the institute's review (待审核). */
    APPLIED,
    /** Reviewed by the institute and put before its council (提交理事会). */
    FORWARDED,
    /** Approved by the council (理事会通过), awaiting admission. */
    APPROVED,
    /** Admitted: holds a post of the special establishment (入编). */
    ADMITTED,
    /** Left the pool and freed the post. */
    EXITED,
    /** Rejected by the institute's review or by the council. */
    REJECTED,
    /** Withdrawn by the employer before the council decided. */
    WITHDRAWN;

    /** Still occupying the institute's attention: the person's data may not be erased yet. */
    public boolean isOpen() {
        return this == APPLIED || this == FORWARDED || this == APPROVED || this == ADMITTED;
    }
}
