package dev.connectadvisor.internal.engine;

import dev.connectadvisor.internal.policy.PolicyModel;
import java.util.Objects;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/**
 * One loaded set of rules: the rules that advise, their companion (the verdict table's
 * diagnostics and the texts, see {@link dev.connectadvisor.internal.policy.Companion}), what the
 * companion says of the table and the texts, and the version of the sources they came from.
 *
 * @param rules the rules that advise
 * @param companion the companion rule base, built on first use where it can be (the precompiled
 *     rules: only explanations and checks run it)
 * @param policy the verdict table and the texts
 * @param version a short hash of the rule sources and data files
 */
public record RuleBase(KieBase rules, Supplier<KieBase> companion, PolicyModel policy, String version) {
    public RuleBase {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(companion, "companion");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(version, "version");
    }
}
