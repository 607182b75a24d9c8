package dev.vidgen.client.internal;

import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Builds the client's validator factory, and the constraint metadata of every family's request
 * type, on a short-lived thread while the builder creates the transport and the codec: the two
 * biggest costs of a cold start then overlap instead of adding up. {@link #join()} waits until the
 * thread has ended, so a built client leaves no thread of this behind.
 */
public final class ValidatorBootstrap {

    private final Thread thread;
    private volatile ValidatorFactory factory;
    private volatile Throwable failure;

    private ValidatorBootstrap(ModelCatalog models) {
        thread = new Thread(() -> run(models), "vidgen-validator-bootstrap");
        thread.setDaemon(true);
    }

    /** Starts the bootstrap of the factory for {@code models}' request types. */
    public static ValidatorBootstrap start(ModelCatalog models) {
        ValidatorBootstrap b = new ValidatorBootstrap(models);
        b.thread.start();
        return b;
    }

    private void run(ModelCatalog models) {
        try {
            // the client's own factory for its own request types: no validation.xml to look for (that
            // loads an XML parser) and no JPA to ask about traversal; both cost cold-start time
            ValidatorFactory f = Validation.byProvider(HibernateValidator.class).configure()
                    .ignoreXmlConfiguration()
                    .traversableResolver(AlwaysTraversable.INSTANCE)
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
            factory = f;
            for (ModelFamily<?> family : models.families()) {
                f.getValidator().getConstraintsForClass(family.requestType()); // builds the metadata the first validation needs
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Waits for the bootstrap (an interrupt is kept for later) and returns the factory; rethrows its failure. */
    public ValidatorFactory join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return factory;
    }

    /** Waits for the bootstrap and closes what it built: the build failed elsewhere. */
    public void joinAndClose() {
        try {
            ValidatorFactory f = join();
            if (f != null) {
                f.close();
            }
        } catch (RuntimeException | Error ignored) {
            // the build's own failure is the one reported
        }
    }
}
