package dev.vidgen.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code vidgen models}: the supported models and what each accepts, from the capability data. */
@Command(name = "models", description = "List the supported models and the fields each accepts (no network)")
final class ModelsCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Option(names = "--json", description = "Print the capability tables as JSON")
    boolean json;

    @Override
    public Integer call() throws java.io.IOException {
        // IOException rather than Jackson's subclass: picocli reflects on this signature at every start
        PrintWriter out = root.out();
        List<ModelCapabilities> models = LocalRules.catalog().allCapabilities();
        if (json) {
            out.println(JsonMapper.builder().build().writeValueAsString(models));
            return ExitCode.OK;
        }
        boolean first = true;
        for (ModelCapabilities m : models) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println(heading(m));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"FIELD", "TYPE", "REQUIRED", "ALLOWED", "DEFAULT", "RULES"});
            for (FieldSpec f : m.fields()) {
                rows.add(new String[] {f.name(), f.type(), f.required() ? "yes" : "no", allowed(f),
                        f.defaultValue() == null ? "" : f.defaultValue(), String.join(" ", f.ruleIds())});
            }
            printTable(out, rows);
        }
        return ExitCode.OK;
    }

    /** {@code id (family): description}, the family left out when it is named like the model. */
    static String heading(ModelCapabilities m) {
        String family = m.family() == null || m.family().equals(m.modelId()) ? "" : "  (" + m.family() + ")";
        return m.modelId() + family + (m.description() == null ? "" : ": " + m.description());
    }

    /** The closed set, or the range: {@code 3..15}, {@code 1..3 items}, {@code up to 2500 chars}. */
    static String allowed(FieldSpec f) {
        if (!f.allowedValues().isEmpty()) {
            return String.join(" | ", f.allowedValues());
        }
        Integer min = f.min();
        Integer max = f.max();
        if (min == null && max == null) {
            return "";
        }
        String unit = f.type().endsWith("[]") ? " items" : f.type().equals("string") ? " chars" : "";
        if (min != null && min.equals(max)) {
            return min + unit;
        }
        if (min != null && max != null) {
            return min + ".." + max + unit;
        }
        return max != null ? "up to " + max + unit : "at least " + min + unit;
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < cols; c++) {
                sb.append(c == cols - 1 ? r[c] : String.format("%-" + (width[c] + 2) + "s", r[c]));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
