package example;

import dev.connectadvisor.Advice;
import dev.connectadvisor.ConnectAdvisor;
import dev.connectadvisor.Situation;
import java.nio.file.Path;

/** The built-in rules, then a rules folder compiled at run time: advice, or the message naming what to add. */
public class App {
    public static void main(String[] args) {
        Situation situation = Situation.builder().daysUntilInterview(10).build();
        ConnectAdvisor builtIn = ConnectAdvisor.fromClasspath();
        System.out.println("built-in: " + builtIn.advise(situation).verdict()
                + ", explained in " + builtIn.explain(situation).lines().size() + " lines"
                + ", a plan of " + builtIn.plan(situation).steps().size() + " steps");
        try {
            Advice advice = ConnectAdvisor.fromDirectory(Path.of(args[0])).advise(situation);
            System.out.println("folder: " + advice.verdict() + ", act in " + advice.actInDays() + " days");
        } catch (IllegalStateException missing) {
            System.out.println("folder: " + missing.getMessage());
        }
    }
}
