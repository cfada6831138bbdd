package cn.gov.wenzhou.kjj.funding.command;

import java.time.LocalDate;

public record ChallengeCallOpened(String callId, int year, String title, LocalDate openedOn) {
}
