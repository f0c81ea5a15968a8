package example;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Situation;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** An application on Log4j 2: the library loads its rules, and the application's log lines keep their layout. */
public class App {
    private static final Logger LOG = LogManager.getLogger(App.class);

    public static void main(String[] args) {
        LOG.info("log4j app started");
        ConnectAdvisor advisor = ConnectAdvisor.fromClasspath();
        Advice advice = advisor.advise(Situation.builder().daysUntilInterview(10).build());
        LOG.info("advised {} in {} days", advice.verdict(), advice.actInDays());
        org.slf4j.LoggerFactory.getLogger("example.ThroughSlf4j").info("slf4j reaches log4j");
    }
}
