package example;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Situation;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** The Java snippet of docs/java.md, inside an application that logs with logback and uses its own Jackson. */
public class App {
    public static void main(String[] args) throws Exception {
        LoggerFactory.getLogger(App.class).info("consumer app started");
        // snippet start
        ConnectAdvisor advisor = ConnectAdvisor.fromClasspath(); // build once, share everywhere
        Advice advice = advisor.advise(Situation.builder().daysUntilInterview(10).build());
        System.out.println(advice.verdict() + ", act in " + advice.actInDays() + " days");
        // snippet end
        System.out.println("jackson " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION + " "
                + new ObjectMapper().writeValueAsString(Map.of("verdict", advice.verdict().name())));
    }
}
