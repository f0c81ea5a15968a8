package dev.connectadvisor;

import java.time.LocalDate;
import dev.connectadvisor.internal.situation.SituationFields;
import java.time.temporal.ChronoUnit;

/**
 * The situation to advise on (docs/contract.md, "Situation"): immutable and validated on
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
 * <p>Each field is described where it is declared, in the project's docs (the contract's field
 * table); the record's components say the same in short.
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
        String note,
        String yourName,
        String company,
        String role,
        String topic) {

    /** The most days before or after the interview. */
    public static final int MAX_DAYS = 365;
    /** The most follow-ups sent. */
    public static final int MAX_FOLLOW_UPS = 100;
    /** The longest interviewerName, in code points. */
    public static final int MAX_NAME_CHARS = 200;
    /** The longest note, in code points. */
    public static final int MAX_NOTE_CHARS = 5000;
    /** The longest yourName, in code points. */
    public static final int MAX_YOUR_NAME_CHARS = 100;
    /** The longest company, in code points. */
    public static final int MAX_COMPANY_CHARS = 100;
    /** The longest role, in code points. */
    public static final int MAX_ROLE_CHARS = 100;
    /** The longest topic, in code points. */
    public static final int MAX_TOPIC_CHARS = 200;

    /**
     * A situation, validated: each field's range, length or values (as {@code SituationFields}
     * declares them), then the fields that must agree with each other.
     *
     * @param daysUntilInterview days until the interview (negative: since it), or null with {@code interviewDate}
     * @param interviewDate the interview's date, or null
     * @param today today's date, only with {@code interviewDate}; null takes the clock's date when advised
     * @param directInterviewer this person interviews (or interviewed) you
     * @param existingRelationship you already know them
     * @param hasReferral you have a referral contact at the company
     * @param toldNotToConnect you were told not to connect with interviewers
     * @param profileUpToDate your own profile is current
     * @param priorRequest the request you sent them before the interview
     * @param applicationRejected the company turned you down (only after the interview)
     * @param interviewerSeemedHesitant they seemed hesitant about connecting
     * @param followUpsSent requests and messages sent since the interview (only after it)
     * @param interviewerName their name, or null
     * @param note your draft invitation or message, or null
     * @param yourName your own name, to sign the suggested note, or null
     * @param company the company you interview with, or null
     * @param role the role you interview for, or null
     * @param topic something specific from the conversation, for a note after it, or null
     * @throws InvalidSituationException naming the field at fault: {@code INVALID_VALUE} for a
     *     value out of range, {@code MISSING_FIELD} for no day, {@code CONFLICT} for fields that
     *     cannot both hold
     */
    public Situation(Integer daysUntilInterview, LocalDate interviewDate, LocalDate today, boolean directInterviewer,
            boolean existingRelationship, boolean hasReferral, boolean toldNotToConnect, boolean profileUpToDate,
            PriorRequest priorRequest, boolean applicationRejected, boolean interviewerSeemedHesitant,
            int followUpsSent, String interviewerName, String note, String yourName, String company, String role,
            String topic) {
        this.daysUntilInterview = daysUntilInterview;
        this.interviewDate = interviewDate;
        this.today = today;
        this.directInterviewer = directInterviewer;
        this.existingRelationship = existingRelationship;
        this.hasReferral = hasReferral;
        this.toldNotToConnect = toldNotToConnect;
        this.profileUpToDate = profileUpToDate;
        this.priorRequest = priorRequest;
        this.applicationRejected = applicationRejected;
        this.interviewerSeemedHesitant = interviewerSeemedHesitant;
        this.followUpsSent = followUpsSent;
        this.interviewerName = interviewerName;
        this.note = note;
        this.yourName = yourName;
        this.company = company;
        this.role = role;
        this.topic = topic;
        validate();
    }

    private void validate() {
        if (daysUntilInterview == null && interviewDate == null) {
            throw invalid(ErrorCode.MISSING_FIELD, "daysUntilInterview", "give daysUntilInterview or interviewDate");
        }
        SituationFields.checkValues(this);
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
        Integer known = daysUntilInterview != null ? daysUntilInterview
                : today != null ? Integer.valueOf((int) ChronoUnit.DAYS.between(today, interviewDate)) : null;
        if (known != null) {
            SituationFields.checkPhase(this, known);
        }
    }

    /** A builder with the contract's defaults; set a day before {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This situation's fields in a builder, to vary one of them.
     *
     * @return a builder holding every field of this situation
     */
    public Builder toBuilder() {
        return SituationFields.copy(this);
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

    private static InvalidSituationException invalid(ErrorCode code, String field, String message) {
        return new InvalidSituationException(code, field, message);
    }

    /** Builds a {@link Situation} with the contract's defaults for every field not set. */
    public static final class Builder {
        private Integer daysUntilInterview;
        private LocalDate interviewDate;
        private LocalDate today;
        private boolean directInterviewer;
        private boolean existingRelationship;
        private boolean hasReferral;
        private boolean toldNotToConnect;
        private boolean profileUpToDate;
        private PriorRequest priorRequest;
        private boolean applicationRejected;
        private boolean interviewerSeemedHesitant;
        private int followUpsSent;
        private String interviewerName;
        private String note;
        private String yourName;
        private String company;
        private String role;
        private String topic;

        private Builder() {
            SituationFields.defaults(this);
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
        public Builder yourName(String v) { yourName = v; return this; }
        public Builder company(String v) { company = v; return this; }
        public Builder role(String v) { role = v; return this; }
        public Builder topic(String v) { topic = v; return this; }

        /** @throws InvalidSituationException as the {@link Situation} constructor does */
        public Situation build() {
            return new Situation(daysUntilInterview, interviewDate, today, directInterviewer,
                    existingRelationship, hasReferral, toldNotToConnect, profileUpToDate, priorRequest,
                    applicationRejected, interviewerSeemedHesitant, followUpsSent, interviewerName, note, yourName, company,
                    role, topic);
        }
    }
}
