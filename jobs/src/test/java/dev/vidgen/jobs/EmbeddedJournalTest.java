package dev.vidgen.jobs;

/** The transitions on the embedded HSQLDB file journal. */
class EmbeddedJournalTest extends JournalContract {

    @Override
    Journal journal() {
        return Journal.embedded(dir.resolve("journal"));
    }
}
