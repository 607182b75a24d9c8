package dev.vidgen.testkit.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.time.VirtualTime;
import java.util.Objects;

/**
 * Puts an application's {@code VideoClient} on a {@link FakeTaskPort} (no HTTP at all) and,
 * optionally, on {@link VirtualTime}:
 * <pre>{@code
 * FakeTaskPort port = FakeTaskPort.builder().clock(time).build();
 * Injector injector = Guice.createInjector(Modules.override(appModule).with(new FakeTaskPortModule(port, time)));
 * }</pre>
 *
 * <p>It sets the optional {@code TaskSubmissionPort} and {@code Scheduler} bindings that the client's
 * {@code VideoClientModule} declares for this purpose, so the application's own client wiring (its
 * configuration, model families and validation policy) is what the test runs. It also binds the
 * {@link FakeTaskPort} (and the {@link VirtualTime}, if given) so tests can inject them. The fakes
 * stay owned by the test; the application still closes its client.
 */
public final class FakeTaskPortModule extends AbstractModule {

    private final FakeTaskPort port;
    private final Scheduler scheduler;

    /** The client on {@code port}, in real time. */
    public FakeTaskPortModule(FakeTaskPort port) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = null;
    }

    /** The client on {@code port}, with {@code scheduler} (usually a {@link VirtualTime}) for its polling and retries. */
    public FakeTaskPortModule(FakeTaskPort port, Scheduler scheduler) {
        this.port = Objects.requireNonNull(port, "port");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    protected void configure() {
        bind(FakeTaskPort.class).toInstance(port);
        OptionalBinder.newOptionalBinder(binder(), TaskSubmissionPort.class).setBinding().toInstance(port);
        if (scheduler != null) {
            OptionalBinder.newOptionalBinder(binder(), Scheduler.class).setBinding().toInstance(scheduler);
            if (scheduler instanceof VirtualTime virtualTime) {
                bind(VirtualTime.class).toInstance(virtualTime);
            }
        }
    }
}
