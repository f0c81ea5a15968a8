package dev.connectadvisor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The situation to advise on (CONTRACT.md, "Situation"): immutable and validated on
 * construction, so an instance that exists is one the rules can answer.
 *
 * <p>Give the day either as {@code daysUntilInterview} (0 = today, negative = days since
 * the interview) or as {@code interviewDate}, with {@code today} or the system clock's
 * date. Build one with defaults through {@link #builder()}:
 *
 * <pre>{@code
 * Situation s = Situation.builder().daysUntilInterview(10).hasReferral(true).build();
 * }</pre>
 *
 * @throws InvalidSituationException from the constructor, naming the field at fault, for a
 *     value out of range ({@code INVALID_VALUE}), a missing day ({@code MISSING_FIELD}) or
 *     fields that cannot both hold ({@code CONFLICT})
 */
public record Situation(
        Integer daysUntilInterview,
        LocalDate interviewDate,
        LocalDate today,
        boolean directInterviewer,
        boolean existingRelationship,
        boolean hasReferral,
        boolean toldNotToConnect,
        boolean profileUpToDate,
        PriorRequest priorRequest,
        boolean applicationRejected,
        boolean interviewerSeemedHesitant,
        int followUpsSent,
        String interviewerName,
        String note) {

    public static final int MAX_DAYS = 365;
    public static final int MAX_FOLLOW_UPS = 100;
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_NOTE_CHARS = 5000;

    public Situation {
        if (daysUntilInterview == null && interviewDate == null) {
            throw invalid(ErrorCode.MISSING_FIELD, "daysUntilInterview",
                    "give daysUntilInterview or interviewDate");
        }
        if (daysUntilInterview != null && Math.abs(daysUntilInterview) > MAX_DAYS) {
            throw invalid(ErrorCode.INVALID_VALUE, "daysUntilInterview",
                    daysUntilInterview + " is out of range; allowed: -365 to 365");
        }
        if (today != null && interviewDate == null) {
            throw invalid(ErrorCode.CONFLICT, "today", "today is allowed only together with interviewDate");
        }
        if (interviewDate != null && today != null) {
            long days = ChronoUnit.DAYS.between(today, interviewDate);
            if (Math.abs(days) > MAX_DAYS) {
                throw invalid(ErrorCode.INVALID_VALUE, "interviewDate", interviewDate + " is " + days
                        + " days from " + today + "; allowed: at most 365 days before or after today");
            }
            if (daysUntilInterview != null && daysUntilInterview != days) {
                throw invalid(ErrorCode.CONFLICT, "interviewDate", "interviewDate " + interviewDate
                        + " is " + days + " days from " + today + ", but daysUntilInterview is "
                        + daysUntilInterview);
            }
        }
        if (priorRequest == null) {
            throw invalid(ErrorCode.INVALID_VALUE, "priorRequest",
                    "priorRequest must be one of NONE, PENDING, ACCEPTED, DECLINED");
        }
        if (followUpsSent < 0 || followUpsSent > MAX_FOLLOW_UPS) {
            throw invalid(ErrorCode.INVALID_VALUE, "followUpsSent",
                    followUpsSent + " is out of range; allowed: 0 to 100");
        }
        if (interviewerName != null && codePoints(interviewerName) > MAX_NAME_CHARS) {
            throw invalid(ErrorCode.INVALID_VALUE, "interviewerName",
                    "interviewerName has " + codePoints(interviewerName) + " characters; allowed: at most 200");
        }
        if (note != null && codePoints(note) > MAX_NOTE_CHARS) {
            throw invalid(ErrorCode.INVALID_VALUE, "note",
                    "note has " + codePoints(note) + " characters; allowed: at most 5000");
        }
        Integer known = daysUntilInterview != null ? daysUntilInterview
                : today != null ? Integer.valueOf((int) ChronoUnit.DAYS.between(today, interviewDate)) : null;
        if (known != null && known >= 0) {
            if (applicationRejected) {
                throw invalid(ErrorCode.CONFLICT, "applicationRejected",
                        "applicationRejected can be true only after the interview (daysUntilInterview < 0)");
            }
            if (followUpsSent > 0) {
                throw invalid(ErrorCode.CONFLICT, "followUpsSent",
                        "followUpsSent can be above 0 only after the interview (daysUntilInterview < 0)");
            }
        }
    }

    /** A builder with the contract's defaults; set a day before {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** This situation's fields in a builder, to vary one of them. */
    public Builder toBuilder() {
        return new Builder()
                .daysUntilInterview(daysUntilInterview).interviewDate(interviewDate).today(today)
                .directInterviewer(directInterviewer).existingRelationship(existingRelationship)
                .hasReferral(hasReferral).toldNotToConnect(toldNotToConnect)
                .profileUpToDate(profileUpToDate).priorRequest(priorRequest)
                .applicationRejected(applicationRejected)
                .interviewerSeemedHesitant(interviewerSeemedHesitant).followUpsSent(followUpsSent)
                .interviewerName(interviewerName).note(note);
    }

    /**
     * This situation with the day fixed: {@code daysUntilInterview} set, and {@code today}
     * set to {@code clockToday} where an interview date came without one.
     *
     * @throws InvalidSituationException if the interview date is more than 365 days from
     *     {@code clockToday} or contradicts the other fields on that day
     */
    public Situation resolve(LocalDate clockToday) {
        if (daysUntilInterview != null && (interviewDate == null || today != null)) {
            return this;
        }
        LocalDate day = today != null ? today : clockToday;
        Situation dated = today != null ? this : toBuilder().today(day).build();
        if (dated.daysUntilInterview != null) {
            return dated;
        }
        return dated.toBuilder().daysUntilInterview((int) ChronoUnit.DAYS.between(day, interviewDate)).build();
    }

    /** The phase of a situation whose day is known. */
    public Phase phase() {
        if (daysUntilInterview == null) {
            throw new IllegalStateException("resolve the situation first");
        }
        return Phase.of(daysUntilInterview);
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    private static InvalidSituationException invalid(ErrorCode code, String field, String message) {
        return new InvalidSituationException(code, field, message);
    }

    /** Builds a {@link Situation} with the contract's defaults for every field not set. */
    public static final class Builder {
        private Integer daysUntilInterview;
        private LocalDate interviewDate;
        private LocalDate today;
        private boolean directInterviewer = true;
        private boolean existingRelationship;
        private boolean hasReferral;
        private boolean toldNotToConnect;
        private boolean profileUpToDate = true;
        private PriorRequest priorRequest = PriorRequest.NONE;
        private boolean applicationRejected;
        private boolean interviewerSeemedHesitant;
        private int followUpsSent;
        private String interviewerName;
        private String note;

        private Builder() {
        }

        public Builder daysUntilInterview(Integer v) { daysUntilInterview = v; return this; }
        public Builder interviewDate(LocalDate v) { interviewDate = v; return this; }
        public Builder today(LocalDate v) { today = v; return this; }
        public Builder directInterviewer(boolean v) { directInterviewer = v; return this; }
        public Builder existingRelationship(boolean v) { existingRelationship = v; return this; }
        public Builder hasReferral(boolean v) { hasReferral = v; return this; }
        public Builder toldNotToConnect(boolean v) { toldNotToConnect = v; return this; }
        public Builder profileUpToDate(boolean v) { profileUpToDate = v; return this; }
        public Builder priorRequest(PriorRequest v) { priorRequest = v; return this; }
        public Builder applicationRejected(boolean v) { applicationRejected = v; return this; }
        public Builder interviewerSeemedHesitant(boolean v) { interviewerSeemedHesitant = v; return this; }
        public Builder followUpsSent(int v) { followUpsSent = v; return this; }
        public Builder interviewerName(String v) { interviewerName = v; return this; }
        public Builder note(String v) { note = v; return this; }

        /** @throws InvalidSituationException as the {@link Situation} constructor does */
        public Situation build() {
            return new Situation(daysUntilInterview, interviewDate, today, directInterviewer,
                    existingRelationship, hasReferral, toldNotToConnect, profileUpToDate, priorRequest,
                    applicationRejected, interviewerSeemedHesitant, followUpsSent, interviewerName, note);
        }
    }
}
