package cn.gov.wenzhou.kjj.funding.command;

/** Who a notice is for: {@code ENTERPRISE} with its credit code, or {@code ROLE} with a role's name. */
public record NoticeRecipient(String type, String ref) {

    public static NoticeRecipient enterprise(String creditCode) {
        return new NoticeRecipient("ENTERPRISE", creditCode);
    }

    public static NoticeRecipient role(String role) {
        return new NoticeRecipient("ROLE", role);
    }
}
