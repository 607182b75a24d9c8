package dev.vidgen.testkit.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.VideoRequest;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fake API serves a model module with no change of its own, because it reads bodies with the
 * installed catalog: extend it with the page example, a body that breaks one rule and a body that
 * breaks several. Over real HTTP on 127.0.0.1 ({@link FakeApiCheck}), the page example makes a
 * task, the first bad body gets a 422 naming the rule id and the field in the API's names, and the
 * second gets every violation listed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FakeApiContract {

    /**
     * A body that breaks one rule.
     *
     * @param body         the JSON body
     * @param rule         the rule id the 422 names
     * @param param        the field the 422 names, in the API's names
     * @param messageParts text the message carries besides {@code [rule]}
     */
    public record Rejected(String body, String rule, String param, List<String> messageParts) {

        /** Copies the parts. */
        public Rejected {
            messageParts = List.copyOf(messageParts);
        }
    }

    /**
     * A body that breaks several rules.
     *
     * @param body       the JSON body
     * @param violations every violation the 422 lists, each as {@code "rule field"}, in any order
     */
    public record Listed(String body, List<String> violations) {

        /** Copies the violations. */
        public Listed {
            violations = List.copyOf(violations);
        }
    }

    private final FakeApiCheck fake = new FakeApiCheck();
    private final String pageBody;
    private final VideoRequest pageRequest;
    private final Rejected rejected;
    private final Listed listed;

    /**
     * For subclasses.
     *
     * @param pageBody    the page's example body
     * @param pageRequest the typed request it stands for (its model id is the task's model)
     * @param rejected    a body breaking one rule
     * @param listed      a body breaking several
     */
    protected FakeApiContract(String pageBody, VideoRequest pageRequest, Rejected rejected, Listed listed) {
        this.pageBody = Objects.requireNonNull(pageBody, "pageBody");
        this.pageRequest = Objects.requireNonNull(pageRequest, "pageRequest");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.listed = Objects.requireNonNull(listed, "listed");
    }

    /** A body breaking one rule: the 422 names {@code rule} and {@code param}, the message carries every part. */
    public static Rejected rejected(String body, String rule, String param, String... messageParts) {
        return new Rejected(body, rule, param, List.of(messageParts));
    }

    /** A body breaking several rules: the 422 lists exactly {@code violations} ({@code "rule field"} each). */
    public static Listed listed(String body, String... violations) {
        return new Listed(body, List.of(violations));
    }

    /** The fake API the tests run against. */
    protected final FakeApiCheck fake() {
        return fake;
    }

    /** The page example makes one task of its model. */
    @Test
    public void thePageExampleMakesATask() throws Exception {
        fake.assertMakesATask(pageBody, pageRequest.modelId(), pageRequest);
    }

    /** A bad body gets a 422 naming the rule and the field, and makes no task. */
    @Test
    public void aBadBodyGets422NamingTheRuleAndTheFieldAndMakesNoTask() throws Exception {
        fake.assertRejected(rejected.body(), rejected.rule(), rejected.param(), rejected.messageParts().toArray(String[]::new));
    }

    /** Every violation of a body is listed, nested fields in the API's names. */
    @Test
    public void everyViolationOfABodyIsListed() throws Exception {
        assertThat(fake.violations(listed.body())).containsExactlyInAnyOrderElementsOf(listed.violations());
    }

    /** Stops the fake API after the class. */
    @AfterAll
    public void stopTheFake() {
        fake.close();
    }
}
