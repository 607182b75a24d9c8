package dev.vidgen.fake.server;

/** The routes of the fake API, as counted by {@link FakeVideoApi#count(Route)}. */
public enum Route {
    /** {@code POST /v1/videos/generations}. */
    SUBMIT,
    /** {@code GET /v1/tasks/{id}}. */
    QUERY,
    /** {@code GET /files/{task id}/{index}.mp4}: the result videos the fake serves. */
    RESULT,
    /** Any other path. */
    OTHER;

    static Route of(String path) {
        if (path.equals(TaskRoutes.SUBMIT_PATH) || path.equals(TaskRoutes.SUBMIT_PATH + "/")) {
            return SUBMIT;
        }
        if (path.startsWith(TaskRoutes.TASKS_PATH)) {
            return QUERY;
        }
        if (path.startsWith(TaskRoutes.FILES_PATH)) {
            return RESULT;
        }
        return OTHER;
    }
}
