package dev.connectadvisor.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page in a real browser: Debian's headless Chromium, driven through its
 * ChromeDriver, sets the situation with the form controls and reads the shown advice. Runs in
 * the {@code browser} profile ({@code mvn -B verify -Pbrowser}); there a missing browser fails.
 * Set {@code -Dplayground.screenshots=docs} to refresh the docs' screenshots of the playground and of its table.
 */
class PlaygroundBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private static AdviceServer server;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium-driver)").isExecutable();
        server = AdviceServer.start(AdviceServer.Options.defaults().port(0).shutdownGrace(Duration.ofSeconds(1)));
        profile = Files.createTempDirectory("playground-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1100,960");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1100, 960));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void open() {
        browser.get(server.uri().toString());
        settled();
    }

    @Test
    void theFirstAnswer_isShownOnLoad_withWhyAndFiredRules() {
        assertThat(text("verdict")).isEqualTo("WAIT");
        assertThat(text("when")).isEqualTo("act in 7 days");
        assertThat(text("summary")).isNotBlank();
        List<WebElement> reasons = browser.findElements(By.cssSelector("#reasons li"));
        assertThat(reasons).isNotEmpty();
        assertThat(reasons.get(0).getAttribute("data-item")).isEqualTo("TIP-1");
        assertThat(reasons.get(0).getText()).contains("TIP-1").contains("two or three days ahead");
        assertThat(browser.findElement(By.id("firedCount")).getAttribute("textContent")).isNotEqualTo("0");
        assertThat(text("rulesVersion")).isEqualTo(server.rules().current().version());
    }

    @Test
    void theForm_hasAControlForEveryDeclaredField_builtFromTheServedSchema() {
        for (dev.connectadvisor.internal.situation.Field field : dev.connectadvisor.internal.situation.SituationFields.ALL) {
            assertThat(browser.findElements(By.name(field.name()))).as("a control for %s", field.name()).hasSize(1);
        }
        assertThat(browser.findElement(By.id("fields")).getText()).contains("They interview me (or did)");
    }

    @Test
    void changingTheInputs_updatesTheVerdict() {
        type("daysUntilInterview", "2");
        assertThat(text("verdict")).isEqualTo("CONNECT");
        assertThat(text("when")).isEqualTo("act now");
        assertThat(browser.findElements(By.cssSelector("#steps li"))).isNotEmpty();

        click("toldNotToConnect");
        assertThat(text("verdict")).isEqualTo("DONT_CONNECT");
        assertThat(browser.findElement(By.cssSelector("#reasons li")).getAttribute("data-item")).isEqualTo("TIP-5");
        click("toldNotToConnect");

        type("daysUntilInterview", "-4");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("priorRequest"))).selectByValue("ACCEPTED");
        settled();
        assertThat(text("verdict")).isEqualTo("FOLLOW_UP");
    }

    @Test
    void anInterviewDate_takesThePlaceOfTheDayCount_andSaysOnWhichDayToAct() {
        java.time.LocalDate today = java.time.LocalDate.now();
        interviewIn(10, today);

        assertThat(text("verdict")).isEqualTo("WAIT");
        assertThat(text("when")).isEqualTo("act in 7 days (on " + today.plusDays(7) + ")");
        assertThat(browser.findElement(By.name("daysUntilInterview")).isEnabled()).isFalse();
    }

    @Test
    void aDraftNote_isChecked() {
        type("daysUntilInterview", "2");
        type("interviewerName", "Sarah Lee");
        type("note", "Hi Sara, I'd like to add you to my professional network on LinkedIn.");
        List<WebElement> findings = browser.findElements(By.cssSelector("#noteFindings li"));
        assertThat(findings).isNotEmpty();
        assertThat(browser.findElement(By.id("noteFindings")).getText()).contains("TIP-");
    }

    @Test
    void theDraft_isShownWithACopyButton_andFedBackPassesEveryCheck() {
        type("daysUntilInterview", "2");
        type("interviewerName", "Sarah Lee");
        String draft = text("draftText");
        assertThat(draft).startsWith("Hi Sarah");
        browser.findElement(By.id("copyDraft")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("copied")).getText().isEmpty());

        type("note", draft);
        assertThat(browser.findElements(By.cssSelector("#noteFindings li"))).isEmpty();
        click("toldNotToConnect");
        assertThat(browser.findElement(By.id("draft")).isDisplayed()).as("no draft when nothing is to be sent").isFalse();
    }

    @Test
    void thePlan_isATimelineWithOneMarkPerStep_andACalendarFile() {
        java.time.LocalDate today = java.time.LocalDate.now();
        interviewIn(10, today);

        List<WebElement> marks = browser.findElements(By.cssSelector("#timeline .mark"));
        List<WebElement> steps = browser.findElements(By.cssSelector("#planSteps li"));
        assertThat(marks).hasSameSizeAs(steps).hasSizeGreaterThanOrEqualTo(3);
        assertThat(steps).extracting(li -> li.getAttribute("data-verdict")).startsWith("WAIT", "CONNECT");
        assertThat(steps.get(1).getText()).contains(today.plusDays(7).toString()).contains("send");
        assertThat(browser.findElements(By.cssSelector("#assumptions li"))).isNotEmpty();
        WebElement calendar = browser.findElement(By.id("calendar"));
        assertThat(calendar.isDisplayed()).isTrue();
        String ics = java.net.URLDecoder.decode(calendar.getAttribute("href").substring("data:text/calendar;charset=utf-8,".length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("DTSTART;VALUE=DATE:" + today.plusDays(7).toString().replace("-", ""));
    }

    @Test
    void theDecisionTable_highlightsTheDecidingRow_marksTheCellsThatFailed_andGreysTheOtherPhase() {
        assertDecidingRow("B9"); // the default: ten days ahead
        type("daysUntilInterview", "2");
        assertDecidingRow("B10");
        click("directInterviewer");
        assertDecidingRow("B1");
        click("directInterviewer");
        type("daysUntilInterview", "-3");
        assertDecidingRow(browser.findElement(By.cssSelector("#policyTable tr.deciding")).getAttribute("data-row"));
        assertThat(browser.findElement(By.cssSelector("#policyTable tr.deciding")).getAttribute("data-row")).startsWith("A");
        assertThat(browser.findElements(By.cssSelector("#policyTable tr[data-row^='B']")))
                .allSatisfy(row -> assertThat(row.getAttribute("class")).isEqualTo("other-phase"));
    }

    /** The row is the one highlighted; every row above it in its phase has a marked cell; the other phase is grey. */
    private static void assertDecidingRow(String id) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#policyTable tr[data-row]"));
        List<WebElement> deciding = browser.findElements(By.cssSelector("#policyTable tr.deciding"));
        assertThat(deciding).hasSize(1);
        assertThat(deciding.get(0).getAttribute("data-row")).isEqualTo(id);
        String phase = id.substring(0, 1);
        boolean above = true;
        for (WebElement row : rows) {
            String rowId = row.getAttribute("data-row");
            if (!rowId.startsWith(phase)) {
                assertThat(row.getAttribute("class")).as(rowId).isEqualTo("other-phase");
            } else if (rowId.equals(id)) {
                above = false;
            } else if (above) {
                assertThat(row.findElements(By.cssSelector("td.failed"))).as("a failed cell in %s", rowId).isNotEmpty();
            }
        }
    }

    @Test
    void badInput_showsTheErrorAndMarksTheField() {
        type("daysUntilInterview", "400");
        WebElement error = browser.findElement(By.id("error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("INVALID_VALUE").contains("daysUntilInterview");
        assertThat(browser.findElement(By.name("daysUntilInterview")).getAttribute("aria-invalid")).isEqualTo("true");

        type("daysUntilInterview", "3");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        assertThat(text("verdict")).isEqualTo("CONNECT");
    }

    @Test
    void screenshot() throws IOException {
        type("daysUntilInterview", "2");
        type("interviewerName", "Sarah Lee");
        type("note", "Hi Sarah, looking forward to our interview on Friday!");
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        browser.manage().window().setSize(new Dimension(1200, 2200));
        try {
            keep(browser.getScreenshotAs(OutputType.FILE).toPath(), "playground.png");
            type("daysUntilInterview", "-4"); // after the interview: the rows before it are greyed out
            browser.manage().window().setSize(new Dimension(1800, 2200));
            browser.executeScript("document.getElementById('table').scrollIntoView();");
            keep(browser.findElement(By.id("table")).getScreenshotAs(OutputType.FILE).toPath(), "playground-table.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1100, 960));
        }
    }

    /** Keeps a screenshot in target/, and in the folder -Dplayground.screenshots names (docs, to refresh the docs' pictures). */
    private static void keep(Path shot, String name) throws IOException {
        assertThat(Files.size(shot)).isPositive();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
        String folder = System.getProperty("playground.screenshots");
        if (folder != null && !folder.isBlank()) {
            Files.copy(shot, Path.of(folder, name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Types the interview date, {@code days} after {@code today}, in the date field (which takes no keys headless). */
    private static void interviewIn(int days, java.time.LocalDate today) {
        browser.executeScript("const f = document.getElementsByName('interviewDate')[0]; f.value = arguments[0];"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));", today.plusDays(days).toString());
        settled();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void type(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        settled();
    }

    private static void click(String name) {
        browser.findElement(By.name(name)).click();
        settled();
    }

    /** Waits (bounded) until the page has asked for and shown the answer to the latest inputs. */
    private static void settled() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
    }
}
