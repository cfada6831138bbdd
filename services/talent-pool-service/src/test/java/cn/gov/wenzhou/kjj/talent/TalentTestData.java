package cn.gov.wenzhou.kjj.talent;

import cn.gov.wenzhou.kjj.support.domain.UnifiedSocialCreditCode;
import cn.gov.wenzhou.kjj.talent.command.ChineseIdNumber;
import cn.gov.wenzhou.kjj.talent.command.PersonalData;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh, valid, obviously fictitious test data: every call a new employer or person (tests share a database). */
public final class TalentTestData {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicLong PEOPLE = new AtomicLong(ThreadLocalRandom.current().nextInt(1000) * 1000L);

    private TalentTestData() {
    }

    public static String creditCode() {
        StringBuilder code = new StringBuilder("91330300");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
    }

    /** A person no other call returns: distinct ID number (birth date and sequence), name and phone. */
    public static PersonalData person() {
        long n = PEOPLE.incrementAndGet();
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n / 1000);
        String first17 = "330302" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return new PersonalData("测试人员" + n, first17 + ChineseIdNumber.checkCharacter(first17),
                "139" + String.format("%08d", n));
    }
}
