package dev.connectadvisor.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advise --plan} (readable, JSON, and its iCalendar file, read back by ical4j and by
 * Python's icalendar), and the readable advice as a person follows it: the benefits shown, no
 * heading against the verdict, no item twice, findings that name what they found, a line for a
 * note that was not checked, and a legend for the item tags.
 */
class PlanAndReadableTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plan_readable_givesEachStepsDayVerdictAndNote_thenTheAssumptions() {
        Run run = run("advise", "--plan", "--days-until-interview", "10", "--interviewer-name", "Sarah Lee");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Plan: 5 steps\n")
                .contains("Today: WAIT: act in 7 days", "In 7 days: CONNECT: send a connection request",
                        "  A note to send: Hi Sarah, I look forward to our interview.", "In 8 days: WAIT: act in 5 days",
                        "In 13 days: CONNECT", "In 14 days: DON'T CONNECT", "The plan assumes:",
                        "the plan takes it as still pending");
    }

    @Test
    void plan_json_byDate_hasTheContractsShape() throws IOException {
        Run run = run("advise", "--plan", "--json", "--interview-date", "2026-12-11", "--today", "2026-12-01",
                "--interviewer-name", "Sarah Lee");

        JsonNode plan = MAPPER.readTree(run.out());
        assertThat(run.exit()).isZero();
        assertThat(plan.get("assumptions")).hasSize(3);
        JsonNode steps = plan.get("steps");
        assertThat(steps).hasSize(5);
        assertThat(steps.get(1).get("inDays").asInt()).isEqualTo(7);
        assertThat(steps.get(1).get("date").asText()).isEqualTo("2026-12-08");
        assertThat(steps.get(1).get("situation").toString())
                .isEqualTo("{\"daysUntilInterview\":3,\"interviewerName\":\"Sarah Lee\"}");
        assertThat(steps.get(1).get("advice").get("verdict").asText()).isEqualTo("CONNECT");
        assertThat(steps.get(1).get("advice").get("actOn").asText()).isEqualTo("2026-12-08");
        assertThat(steps.get(1).get("advice").get("draftNote").asText()).isEqualTo("Hi Sarah, I look forward to our interview.");
        assertThat(steps.get(2).get("situation").get("priorRequest").asText()).isEqualTo("PENDING");
        assertThat(steps.get(0).get("advice").get("draftNote").isNull()).isTrue();
    }

    @Test
    void plan_ics_holdsOneAllDayEventPerActingStep_readByIcal4jAndByPython() throws Exception {
        Path ics = tmp.resolve("plan.ics");
        Run run = run("advise", "--plan", "--json", "--interview-date", "2026-12-11", "--today", "2026-12-01",
                "--interviewer-name", "Sarah Lee", "--ics", ics.toString());
        assertThat(run.exit()).isZero();

        Calendar calendar;
        try (InputStream in = Files.newInputStream(ics)) {
            calendar = new CalendarBuilder().build(in);
        }
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getStartDate().get().getDate()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(events.get(1).getStartDate().get().getDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(events.get(0).getProperty("SUMMARY").get().getValue()).isEqualTo("Send Sarah Lee a connection request on LinkedIn");
        assertThat(events.get(0).getProperty("DESCRIPTION").get().getValue()).contains("A note to send:\nHi Sarah, I look forward")
                .contains("[TIP-1]");
        assertThat(events.get(0).getUid().get().getValue()).isNotEqualTo(events.get(1).getUid().get().getValue());

        Process python = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import icalendar, sys",
                "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())",
                "for e in cal.walk('VEVENT'):",
                "    print(e.get('dtstart').dt.isoformat(), e.get('dtend').dt.isoformat(), str(e.get('summary')))"),
                ics.toString()).redirectErrorStream(true).start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String read = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(read).isZero();
        assertThat(read.lines().toList()).containsExactly(
                "2026-12-08 2026-12-09 Send Sarah Lee a connection request on LinkedIn",
                "2026-12-14 2026-12-15 Send Sarah Lee a connection request on LinkedIn");
    }

    @Test
    void plan_ics_byDayCount_datesTheEventsFromTheClocksToday() throws Exception {
        Path ics = tmp.resolve("days.ics");
        Run run = run("advise", "--plan", "--days-until-interview", "3", "--ics", ics.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        Calendar calendar;
        try (InputStream in = Files.newInputStream(ics)) {
            calendar = new CalendarBuilder().build(in);
        }
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).getStartDate().get().getDate()).isEqualTo(LocalDate.now());
    }

    @Test
    void plan_ics_withNoDayToSendSomething_writesNoFile_andSaysSo() {
        Path ics = tmp.resolve("none.ics");
        Run run = run("advise", "--plan", "--days-until-interview", "3", "--told-not-to-connect", "--ics", ics.toString());

        assertThat(run.exit()).isZero();
        assertThat(ics).doesNotExist();
        assertThat(run.err()).contains("no calendar file written").contains("no day on which to send something");
    }

    @Test
    void ics_withoutPlan_isAUsageError() {
        Run run = run("advise", "--days-until-interview", "3", "--ics", tmp.resolve("x.ics").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--ics").contains("--plan");
    }

    @Test
    void readable_showsEachItemOnce_andTheBenefits_andALegend() {
        Run wait = run("advise", "--days-until-interview", "10");
        Run connect = run("advise", "--days-until-interview", "2");

        assertThat(count(wait.out(), "[CON-8]")).as("CON-8 is a reason and a risk: shown once").isEqualTo(1);
        assertThat(connect.out()).contains("What it gives you:", "[PRO-1]");
        assertThat(connect.out().strip()).endsWith(
                "Tags such as [TIP-1] name the item of the etiquette guide that each line comes from (see the guide items in the docs).");
    }

    @Test
    void readable_underConnect_saysOtherOptions_notInstead() {
        Run connect = run("advise", "--days-until-interview", "-5", "--application-rejected");
        Run dont = run("advise", "--days-until-interview", "-5", "--application-rejected", "--prior-request", "DECLINED");

        assertThat(connect.out()).startsWith("CONNECT").contains("Other options:").doesNotContain("Instead:");
        assertThat(dont.out()).startsWith("DON'T CONNECT").contains("Instead:");
    }

    @Test
    void readable_findingsNameTheWordAndTheNumbers() {
        Run run = run("advise", "--days-until-interview", "2", "--interviewer-name", "Sarah Lee", "--note",
                "Hi Sara, I look forward to our interview. " + "x".repeat(370));

        assertThat(run.out()).contains("'Sara' looks like a misspelling of 'Sarah'")
                .contains("The note has 412 characters; an invitation note holds 300");
    }

    @Test
    void readable_aNoteWithAVerdictThatSendsNothing_getsOneLineSayingItWasNotChecked() {
        Run run = run("advise", "--days-until-interview", "3", "--referral", "--note", "Hi there");
        Run checked = run("advise", "--days-until-interview", "3", "--note", "Hi there, I look forward to our interview.");

        assertThat(run.out()).contains("Your note:\n  - Your note was not checked: the advice is to send nothing now.");
        assertThat(checked.out()).contains("Your note:\n  - It passes every check.");
    }

    @Test
    void readable_beforeTheMeeting_neverSaysNowThatYouHaveMet() {
        List<String> outs = new ArrayList<>();
        for (String[] flags : List.of(new String[] {"--prior-request", "PENDING"}, new String[] {"--prior-request", "DECLINED"})) {
            for (String days : List.of("0", "2", "10")) {
                List<String> args = new ArrayList<>(List.of("advise", "--days-until-interview", days));
                args.addAll(List.of(flags));
                outs.add(run(args.toArray(String[]::new)).out());
            }
        }
        assertThat(outs).allSatisfy(out -> assertThat(out).doesNotContain("now that you have met"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
