package dev.vidgen.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.vidgen.adapter.jdk.archfixture.JdkAdapterImportingAModel;
import dev.vidgen.adapter.jdk.archfixture.JdkAdapterImportingTheOtherAdapter;
import dev.vidgen.client.archfixture.ClientImportingAModel;
import dev.vidgen.cli.archfixture.CliImportingTheTestkit;
import dev.vidgen.client.archfixture.ClientImportingTheTestkit;
import dev.vidgen.domain.archfixture.DomainUsingJackson;
import dev.vidgen.domain.archfixture.DomainUsingJdkHttp;
import dev.vidgen.domain.archfixture.PureDomainClass;
import dev.vidgen.models.archfixture.ModelPart;
import dev.vidgen.models.archfixture.ModelUsingJackson;
import dev.vidgen.fake.archfixture.FakeImportingTheClient;
import dev.vidgen.fake.archfixture.FakeSpeakingTheProtocol;
import dev.vidgen.fake.archfixture.FakeUsingJUnit;
import dev.vidgen.loopback.archfixture.LoopbackUsingThePorts;
import dev.vidgen.client.archfixture.ClientUsingTheLoopbackServer;
import dev.vidgen.transport.tck.archfixture.TckImportingTheClient;
import dev.vidgen.transport.tck.archfixture.TckOnThePorts;
import org.junit.jupiter.api.Test;

/**
 * The rules fail on code that breaks them: each is evaluated on a deliberately wrong fixture
 * class (test sources only, so the real rules above never see them).
 */
class RulesBiteTest {

    static boolean violated(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        return rule.evaluate(classes).hasViolation();
    }

    @Test
    void aDomainClassUsingJacksonBreaksTheDomainRules() {
        assertThat(violated(DependencyRulesTest.domainDependsOnlyOnTheJdkAndJakartaValidation, DomainUsingJackson.class)).isTrue();
        assertThat(violated(DependencyRulesTest.domainUsesNoIoOrFrameworkStack, DomainUsingJackson.class)).isTrue();
    }

    @Test
    void aDomainClassUsingJavaNetHttpIsCaughtByTheStackRule() {
        // java.net.http is part of the JDK, so only the explicit stack rule catches it
        assertThat(violated(DependencyRulesTest.domainDependsOnlyOnTheJdkAndJakartaValidation, DomainUsingJdkHttp.class)).isFalse();
        assertThat(violated(DependencyRulesTest.domainUsesNoIoOrFrameworkStack, DomainUsingJdkHttp.class)).isTrue();
    }

    @Test
    void aPureDomainClassPasses() {
        assertThat(violated(DependencyRulesTest.domainDependsOnlyOnTheJdkAndJakartaValidation, PureDomainClass.class)).isFalse();
        assertThat(violated(DependencyRulesTest.domainUsesNoIoOrFrameworkStack, PureDomainClass.class)).isFalse();
    }

    @Test
    void anAdapterImportingTheOtherAdapterBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.jdkAdapterDoesNotImportTheHttpClientAdapter, JdkAdapterImportingTheOtherAdapter.class))
                .isTrue();
    }

    @Test
    void theClientImportingTheTestkitBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.clientKnowsNoAdapterTestkitOrCli, ClientImportingTheTestkit.class)).isTrue();
    }

    @Test
    void theClientOrAnAdapterNamingAModelModulesClassBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.nothingButTheModelModulesKnowsAModelModule, ClientImportingAModel.class)).isTrue();
        assertThat(violated(DependencyRulesTest.nothingButTheModelModulesKnowsAModelModule, JdkAdapterImportingAModel.class)).isTrue();
        assertThat(violated(DependencyRulesTest.nothingButTheModelModulesKnowsAModelModule, ClientImportingTheTestkit.class)).isFalse();
    }

    @Test
    void aModelModuleUsingJacksonBreaksItsPurityRuleAPureOnePasses() {
        assertThat(violated(DependencyRulesTest.modelModulesDependOnlyOnTheDomain, ModelUsingJackson.class)).isTrue();
        assertThat(violated(DependencyRulesTest.modelModulesDependOnlyOnTheDomain, ModelPart.class)).isFalse();
    }

    @Test
    void theFakeApiUsingJUnitBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.fakeApiUsesNoTestFrameworkAndNoGuice, FakeUsingJUnit.class)).isTrue();
        assertThat(violated(DependencyRulesTest.fakeApiUsesNoTestFrameworkAndNoGuice, FakeSpeakingTheProtocol.class)).isFalse();
    }

    @Test
    void theFakeApiImportingTheClientBreaksTheRuleButTheProtocolDoesNot() {
        assertThat(violated(DependencyRulesTest.fakeApiKnowsNoClientTestkitOrAdapter, FakeImportingTheClient.class)).isTrue();
        assertThat(violated(DependencyRulesTest.fakeApiKnowsNoClientTestkitOrAdapter, FakeSpeakingTheProtocol.class)).isFalse();
    }

    @Test
    void theCliImportingTheTestkitBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.cliDoesNotUseTheTestkit, CliImportingTheTestkit.class)).isTrue();
    }

    @Test
    void theTransportTckImportingTheClientBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.transportTckKnowsOnlyThePorts, TckImportingTheClient.class)).isTrue();
        assertThat(violated(DependencyRulesTest.transportTckKnowsOnlyThePorts, TckOnThePorts.class)).isFalse();
    }

    @Test
    void theLoopbackServerUsingThePortsBreaksTheRule() {
        assertThat(violated(DependencyRulesTest.loopbackServerDependsOnNothing, LoopbackUsingThePorts.class)).isTrue();
        assertThat(violated(DependencyRulesTest.onlyTheTckAndTheFakeApiUseTheLoopbackServer, ClientUsingTheLoopbackServer.class)).isTrue();
        assertThat(violated(DependencyRulesTest.onlyTheTckAndTheFakeApiUseTheLoopbackServer, PureDomainClass.class)).isFalse();
    }
}
