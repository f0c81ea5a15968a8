package dev.connectadvisor.bench;

import dev.connectadvisor.PriorRequest;
import dev.connectadvisor.Situation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Situations of realistic variety, the same for every benchmark and for the JSONL load: mostly
 * the days around an interview, common facts common and rare facts rare, a draft note in some,
 * dates instead of a day count in some, and a few bad lines.
 */
public final class Workload {
    static final String[] NAMES = {"Sarah Lee", "Jonathan Whitaker", "Ana María Núñez", "Chen Wei", "O'Brien Kelly"};
    private static final String[] NOTES = {
        "Hi %s, I am looking forward to our interview on Thursday and to learning more about the team.",
        "Hi %s, I'd like to add you to my professional network.",
        "Hello %s, thank you for your time on Tuesday. I enjoyed hearing about the data platform.",
        "Hi, looking forward to meeting you!",
        "Dear %s, thanks again for the conversation. %s",
    };

    private Workload() {
    }

    /** {@code count} distinct situations (by their fields), the same for the same seed; no notes when {@code notes} is false. */
    public static List<Situation> situations(int count, long seed, boolean notes) {
        Random random = new Random(seed);
        Set<Situation> distinct = new LinkedHashSet<>();
        int attempts = 0;
        while (distinct.size() < count) {
            if (++attempts > count * 1000) {
                throw new IllegalArgumentException("cannot make " + count + " distinct situations");
            }
            try {
                distinct.add(situation(random, notes));
            } catch (RuntimeException invalidCombination) {
                // e.g. a rejected application before the interview: draw again
            }
        }
        return new ArrayList<>(distinct);
    }

    private static Situation situation(Random random, boolean notes) {
        return situation(random, notes, true);
    }

    private static Situation situation(Random random, boolean notes, boolean dates) {
        int days = days(random);
        Situation.Builder b = Situation.builder();
        if (dates && random.nextInt(10) == 0) {
            LocalDate today = LocalDate.of(2026, 11, 1).plusDays(random.nextInt(60));
            b.interviewDate(today.plusDays(days)).today(today);
        } else {
            b.daysUntilInterview(days);
        }
        b.directInterviewer(random.nextInt(20) != 0)
                .existingRelationship(random.nextInt(8) == 0)
                .hasReferral(random.nextInt(6) == 0)
                .toldNotToConnect(random.nextInt(25) == 0)
                .profileUpToDate(random.nextInt(5) != 0)
                .priorRequest(prior(random))
                .interviewerSeemedHesitant(random.nextInt(15) == 0);
        if (days < 0) {
            b.applicationRejected(random.nextInt(6) == 0).followUpsSent(random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 0);
        }
        if (notes && random.nextInt(3) == 0) {
            String name = NAMES[random.nextInt(NAMES.length)];
            String first = name.split(" ")[0];
            String template = NOTES[random.nextInt(NOTES.length)];
            String filler = "I enjoyed our talk. ".repeat(random.nextInt(20));
            b.interviewerName(name).note(String.format(Locale.ROOT, template, random.nextBoolean() ? first : first.toLowerCase(Locale.ROOT), filler));
        }
        return b.build();
    }

    /**
     * One line of the mixed batch ({@code JsonlLoad --mixed}): a random situation with a day count
     * (the distribution above, without notes or dates); one line in ten with an interviewer's name and a
     * note that no other line has (so no cache can know it), one in ten a contradiction the
     * contract refuses (a rejection or follow-ups before the interview).
     *
     * @param n the line's number, which makes its note unique
     */
    public static String mixedLine(Random random, long n) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            String json = json(situation(random, false, false).toBuilder()
                    .daysUntilInterview(random.nextInt(31)).applicationRejected(false).followUpsSent(0).build());
            String conflict = random.nextBoolean() ? "\"applicationRejected\":true" : "\"followUpsSent\":" + (1 + random.nextInt(3));
            return json.substring(0, json.length() - 1) + "," + conflict + "}";
        }
        Situation.Builder b = situation(random, false, false).toBuilder();
        if (kind == 1) {
            String name = NAMES[random.nextInt(NAMES.length)];
            String first = name.split(" ")[0];
            String template = NOTES[random.nextInt(NOTES.length)];
            String greeting = random.nextInt(4) == 0 ? first.substring(0, first.length() - 1) : first; // a near miss at times
            String unique = "Ticket " + Long.toString(n * 2654435761L + 97, 36) + ".";
            b.interviewerName(name).note(String.format(Locale.ROOT, template, greeting, unique) + " " + unique);
        }
        return json(b.build());
    }

    private static int days(Random random) {
        int pick = random.nextInt(10);
        if (pick < 7) {
            return random.nextInt(31) - 15; // two weeks either side
        }
        return random.nextInt(181) - 90;
    }

    private static PriorRequest prior(Random random) {
        int pick = random.nextInt(20);
        return pick < 14 ? PriorRequest.NONE : pick < 17 ? PriorRequest.PENDING : pick < 19 ? PriorRequest.ACCEPTED
                : PriorRequest.DECLINED;
    }

    /** The situation as one JSONL line, with only the fields that differ from the defaults. */
    public static String json(Situation s) {
        StringBuilder out = new StringBuilder(128).append('{');
        if (s.interviewDate() != null) {
            field(out, "interviewDate", quote(s.interviewDate().toString()));
            field(out, "today", quote(s.today().toString()));
        } else {
            field(out, "daysUntilInterview", Integer.toString(s.daysUntilInterview()));
        }
        if (!s.directInterviewer()) {
            field(out, "directInterviewer", "false");
        }
        if (s.existingRelationship()) {
            field(out, "existingRelationship", "true");
        }
        if (s.hasReferral()) {
            field(out, "hasReferral", "true");
        }
        if (s.toldNotToConnect()) {
            field(out, "toldNotToConnect", "true");
        }
        if (!s.profileUpToDate()) {
            field(out, "profileUpToDate", "false");
        }
        if (s.priorRequest() != PriorRequest.NONE) {
            field(out, "priorRequest", quote(s.priorRequest().name()));
        }
        if (s.applicationRejected()) {
            field(out, "applicationRejected", "true");
        }
        if (s.interviewerSeemedHesitant()) {
            field(out, "interviewerSeemedHesitant", "true");
        }
        if (s.followUpsSent() > 0) {
            field(out, "followUpsSent", Integer.toString(s.followUpsSent()));
        }
        if (s.interviewerName() != null) {
            field(out, "interviewerName", quote(s.interviewerName()));
        }
        if (s.note() != null) {
            field(out, "note", quote(s.note()));
        }
        return out.append('}').toString();
    }

    /** Lines the contract rejects, for a realistic share of errors in a batch. */
    public static final String[] BAD_LINES = {
        "{\"daysUntilInterview\": 400}",
        "{\"daysUntilInterview\": \"5\"}",
        "{\"daysUntilInterview\": 3, \"applicationRejected\": true}",
        "{\"daysUntilInterview\": 3, \"colour\": \"blue\"}",
        "{\"daysUntilInterview\": 3,",
        "{}",
    };

    private static void field(StringBuilder out, String name, String value) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append('"').append(name).append("\":").append(value);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
