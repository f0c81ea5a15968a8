package dev.connectadvisor.internal.calendar;

import dev.connectadvisor.Entry;
import dev.connectadvisor.Plan;
import dev.connectadvisor.Situation;
import dev.connectadvisor.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A plan's acting steps (CONNECT and FOLLOW_UP) as an iCalendar file (RFC 5545), written by
 * ical4j: one all-day event each, on the step's day, saying what to do, why, and the note to send.
 * Each event's UID is a hash of the rules' version, the step's situation and its day, so a
 * calendar that imports the file twice keeps one event per step.
 *
 * <p>A calendar must hold at least one component (RFC 5545, 3.4), so a plan with no acting step
 * has no calendar file: ask {@link #hasEvents} first.
 */
public final class PlanCalendar {
    /** The media type of the file. */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    private PlanCalendar() {
    }

    /** True when the plan has a step that sends something, and so a calendar file. */
    public static boolean hasEvents(Plan plan) {
        return plan.steps().stream().anyMatch(Plan.Step::acts);
    }

    /**
     * Writes the calendar.
     *
     * @param plan the plan
     * @param today the clock's date: the first day of a plan given by a day count (a plan given by a date dates its steps)
     * @param stamp when the file is made (DTSTAMP)
     * @param out where to write it, as UTF-8 (left open)
     */
    public static void write(Plan plan, LocalDate today, Instant stamp, OutputStream out) {
        if (!hasEvents(plan)) {
            throw new IllegalArgumentException("the plan has no step that sends something: no calendar file");
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Connect Advisor//Plan//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Plan.Step step : plan.steps()) {
            if (!step.acts()) {
                continue;
            }
            LocalDate day = step.date() != null ? step.date() : today.plusDays(step.inDays());
            VEvent event = new VEvent(false);
            event.add(new DtStamp(stamp));
            event.add(new net.fortuna.ical4j.model.property.DtStart<>(day));
            event.add(new net.fortuna.ical4j.model.property.DtEnd<>(day.plusDays(1)));
            event.add(new net.fortuna.ical4j.model.property.Summary(summary(step)));
            event.add(new Description(description(step)));
            event.add(new Uid(uid(step, day) + "@connect-advisor"));
            calendar.add(event);
        }
        try {
            // the outputter closes its writer: write to memory, then to the caller's stream, left open
            java.io.StringWriter text = new java.io.StringWriter();
            new CalendarOutputter(true).output(calendar, text);
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Connect with Sarah Lee on LinkedIn} or {@code Send Sarah Lee one follow-up message}. */
    private static String summary(Plan.Step step) {
        String who = step.situation().interviewerName() == null ? "your interviewer" : step.situation().interviewerName();
        return step.advice().verdict() == Verdict.FOLLOW_UP ? "Send " + who + " one follow-up message on LinkedIn"
                : "Send " + who + " a connection request on LinkedIn";
    }

    /** What to do, why, and the note. */
    private static String description(Plan.Step step) {
        StringBuilder text = new StringBuilder(step.advice().summary());
        if (!step.advice().reasons().isEmpty()) {
            text.append("\n\nWhy:");
            for (Entry reason : step.advice().reasons()) {
                text.append("\n- ").append(reason.text()).append(" [").append(reason.item()).append(']');
            }
        }
        if (!step.advice().steps().isEmpty()) {
            text.append("\n\nSteps:");
            int n = 1;
            for (Entry entry : step.advice().steps()) {
                text.append("\n").append(n++).append(". ").append(entry.text()).append(" [").append(entry.item()).append(']');
            }
        }
        if (step.advice().draftNote() != null) {
            text.append("\n\nA note to send:\n").append(step.advice().draftNote());
        }
        return text.toString();
    }

    private static String uid(Plan.Step step, LocalDate day) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Situation s = step.situation();
            digest.update((step.advice().rulesVersion() + "\u0000" + s + "\u0000" + day).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
