package dev.vidgen.testkit.assertj;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.FakeTasks;
import java.util.List;
import org.assertj.core.api.AbstractObjectAssert;

/** What the assertions on both fakes share: the tasks they created, counted by their one task model. */
abstract class FakeTasksAssert<S extends FakeTasksAssert<S, A>, A extends FakeTasks<A>> extends AbstractObjectAssert<S, A> {

    private final String fakeName;

    /** @param fakeName how failure messages name the fake, for example {@code the fake port} */
    FakeTasksAssert(A actual, Class<?> selfType, String fakeName) {
        super(actual, selfType);
        this.fakeName = fakeName;
    }

    /** Exactly {@code n} tasks were created. */
    public S createdTasks(int n) {
        isNotNull();
        List<TaskId> ids = actual.createdTaskIds();
        if (ids.size() != n) {
            failWithMessage("Expected %s task(s) created but %s created %s: %s", n, fakeName, ids.size(), ids);
        }
        return myself;
    }
}
