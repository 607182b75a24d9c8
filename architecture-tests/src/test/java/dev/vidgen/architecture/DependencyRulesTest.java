package dev.vidgen.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of docs/architecture.md, checked on the production classes of every module (in the
 * style of buckpal's DependencyRuleTests). Rules about modules that may still be empty allow an
 * empty "that" clause, so they hold now and keep holding as code arrives; the domain, ports and
 * client rules do not, so that an import mistake cannot make them pass vacuously.
 */
@AnalyzeClasses(packages = "dev.vidgen", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    static final String DOMAIN = "dev.vidgen.domain..";
    static final String PORTS = "dev.vidgen.ports..";
    static final String CLIENT = "dev.vidgen.client..";
    static final String ADAPTER_HTTPCLIENT = "dev.vidgen.adapter.httpclient..";
    static final String ADAPTER_JDK = "dev.vidgen.adapter.jdk..";
    /** What both adapters share (module adapter-support): request checks, bounded pools, the body pump. */
    static final String ADAPTER_SUPPORT = "dev.vidgen.adapter.support..";
    static final String TESTKIT = "dev.vidgen.testkit..";
    static final String CLI = "dev.vidgen.cli..";
    static final String FAKE = "dev.vidgen.fake..";
    /** The protocol module's packages: below the client, so the fakes may speak the protocol. */
    static final String[] PROTOCOL = {"dev.vidgen.client.protocol..", "dev.vidgen.client.error.."};
    /** The transport conformance kit (module transport-tck) and its dependency-free socket server (module loopback-server). */
    static final String TCK = "dev.vidgen.transport.tck..";
    static final String LOOPBACK = "dev.vidgen.loopback..";
    /** What only tests may use: test frameworks and Guice (an optional dependency of the library). */
    static final String[] TEST_AND_DI_STACKS = {"org.junit..", "org.opentest4j..", "org.assertj..", "com.google.inject..", "com.google.common.."};
    static final String BENCHMARKS = "dev.vidgen.benchmarks..";
    static final String MODELS = "dev.vidgen.models..";

    /** I/O and framework stacks; some live under {@code java..}, so an allow-list of {@code java..} alone misses them. */
    static final String[] IO_STACKS = {
        "com.fasterxml.jackson..", "com.google.inject..", "org.apache.hc..", "java.net.http..", "org.slf4j..",
        "org.hibernate..", "ch.qos.logback..", "picocli..", "jakarta.inject..", "javax.inject..",
    };

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndJakartaValidation = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "jakarta.validation..")
            .because("the domain is pure: requests, tasks and capability rules, validated by any Bean Validation provider");

    @ArchTest
    static final ArchRule domainUsesNoIoOrFrameworkStack = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(IO_STACKS)
            .because("JSON, DI, HTTP, logging and the validation provider belong to the outer modules");

    @ArchTest
    static final ArchRule portsDependOnlyOnTheDomainAndTheJdk = classes()
            .that().resideInAPackage(PORTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PORTS, DOMAIN, "java..")
            .because("ports are the core's interfaces to the outside world and know no implementation");

    @ArchTest
    static final ArchRule portsUseNoIoOrFrameworkStack = noClasses()
            .that().resideInAPackage(PORTS)
            .should().dependOnClassesThat().resideInAnyPackage(IO_STACKS)
            .because("the transport SPI must not leak one transport's types (e.g. java.net.http) into the others");

    @ArchTest
    static final ArchRule adapterSupportKnowsOnlyThePorts = classes()
            .that().resideInAPackage(ADAPTER_SUPPORT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(ADAPTER_SUPPORT, PORTS, DOMAIN, "java..")
            .because("the helpers every adapter shares sit beside the SPI, not in it, and know no HTTP stack");

    @ArchTest
    static final ArchRule clientKnowsNoAdapterTestkitOrCli = noClasses()
            .that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_HTTPCLIENT, ADAPTER_JDK, ADAPTER_SUPPORT, TESTKIT, TCK, CLI)
            .because("the client works with any transport through the ports; users pick the adapter");

    @ArchTest
    static final ArchRule httpClientAdapterDoesNotImportTheJdkAdapter = noClasses()
            .that().resideInAPackage(ADAPTER_HTTPCLIENT)
            .should().dependOnClassesThat().resideInAPackage(ADAPTER_JDK)
            .because("adapters are alternatives and never import each other");

    @ArchTest
    static final ArchRule jdkAdapterDoesNotImportTheHttpClientAdapter = noClasses()
            .that().resideInAPackage(ADAPTER_JDK)
            .should().dependOnClassesThat().resideInAPackage(ADAPTER_HTTPCLIENT)
            .because("adapters are alternatives and never import each other");

    @ArchTest
    static final ArchRule adaptersKnowNoTestkitOrCli = noClasses()
            .that().resideInAnyPackage(ADAPTER_HTTPCLIENT, ADAPTER_JDK, ADAPTER_SUPPORT)
            .should().dependOnClassesThat().resideInAnyPackage(TESTKIT, TCK, CLI)
            .because("arrows point inward: adapters depend on ports (and client), not on what uses them");

    @ArchTest
    static final ArchRule testkitKnowsNoAdapter = noClasses()
            .that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTER_HTTPCLIENT, ADAPTER_JDK)
            .because("the testkit's conformance suite is subclassed by each adapter's tests, never the other way");

    @ArchTest
    static final ArchRule nothingButTheModelModulesKnowsAModelModule = noClasses()
            .that().resideInAnyPackage(DOMAIN, PORTS, CLIENT, ADAPTER_HTTPCLIENT, ADAPTER_JDK, TESTKIT, CLI)
            .should().dependOnClassesThat().resideInAPackage(MODELS)
            .because("a new model is a module of its own: the core, the transports, the fakes and the CLI find it "
                    + "through the catalog (ServiceLoader or Guice), never by name");

    @ArchTest
    static final ArchRule modelModulesDependOnlyOnTheDomain = classes()
            .that().resideInAPackage(MODELS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(MODELS, DOMAIN, "java..", "jakarta.validation..")
            .because("a model module is a request, its rules and its capability table: as pure as the domain, "
                    + "so that it works with any client wiring and any transport");

    @ArchTest
    static final ArchRule fakeApiUsesNoTestFrameworkAndNoGuice = noClasses()
            .that().resideInAPackage(FAKE)
            .should().dependOnClassesThat().resideInAnyPackage(TEST_AND_DI_STACKS)
            .because("the CLI ships the fake API, and vidgen.jar must carry no JUnit, AssertJ, Guice or Guava");

    @ArchTest
    static final ArchRule fakeApiKnowsNoClientTestkitOrAdapter = noClasses()
            .that().resideInAPackage(FAKE)
            .should().dependOnClassesThat(resideInAPackage(CLIENT).and(not(resideInAnyPackage(PROTOCOL)))
                    .or(resideInAnyPackage(TESTKIT, ADAPTER_HTTPCLIENT, ADAPTER_JDK, CLI)))
            .because("the client's own tests use the fakes: the fakes speak the protocol module, never the client");

    @ArchTest
    static final ArchRule cliDoesNotUseTheTestkit = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(TESTKIT)
            .because("the CLI embeds the fake API (vidgen-fake-api); the testkit is for users' tests");

    @ArchTest
    static final ArchRule transportTckKnowsOnlyThePorts = classes()
            .that().resideInAPackage(TCK)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    TCK, LOOPBACK, PORTS, DOMAIN, "java..", "org.junit..", "org.opentest4j..", "org.assertj..")
            .because("a transport proves itself against the ports alone (AWS's http-client-tests is the model)");

    @ArchTest
    static final ArchRule loopbackServerDependsOnNothing = classes()
            .that().resideInAPackage(LOOPBACK)
            .should().onlyDependOnClassesThat().resideInAnyPackage(LOOPBACK, "java..")
            .because("the raw-socket test server is the one socket layer of the TCK and the fake API: it carries no dependency");

    @ArchTest
    static final ArchRule onlyTheTckAndTheFakeApiUseTheLoopbackServer = noClasses()
            .that().resideOutsideOfPackages(LOOPBACK, TCK, FAKE)
            .should().dependOnClassesThat().resideInAPackage(LOOPBACK)
            .because("the loopback server is test infrastructure: the library and its transports never open a server socket");

    @ArchTest
    static final ArchRule nothingImportsTheCli = noClasses()
            .that().resideOutsideOfPackages(CLI, BENCHMARKS)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the CLI is an application on top of the library");

    @ArchTest
    static final ArchRule nothingImportsTheBenchmarks = noClasses()
            .that().resideOutsideOfPackage(BENCHMARKS)
            .should().dependOnClassesThat().resideInAPackage(BENCHMARKS)
            .because("benchmarks are never a dependency of anything else");

    /** Guards against a vacuous pass: the modules that exist must have been imported. */
    @ArchTest
    static void theProductionClassesOfTheCoreModulesAreImported(JavaClasses classes) {
        for (String type : new String[] {
            "dev.vidgen.domain.VideoRequest", "dev.vidgen.domain.validation.RequestValidator", "dev.vidgen.ports.TaskSubmissionPort",
            "dev.vidgen.client.VideoClient", "dev.vidgen.models.klingr2v.KlingReferenceToVideoFamily",
            "dev.vidgen.models.veoi2v.VeoImageToVideoFamily", "dev.vidgen.fake.server.FakeVideoApi", "dev.vidgen.fake.port.FakeTaskPort",
            "dev.vidgen.cli.VidgenCli", "dev.vidgen.transport.tck.TransportTck", "dev.vidgen.transport.tck.LoopbackHttpServer",
            "dev.vidgen.adapter.support.TransportSupport", "dev.vidgen.loopback.LoopbackServer"}) {
            if (!classes.contain(type)) {
                throw new AssertionError(type + " was not imported: the rules above would pass without looking at it");
            }
        }
    }
}
