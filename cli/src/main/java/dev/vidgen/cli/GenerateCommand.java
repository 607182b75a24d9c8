package dev.vidgen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vidgen generate}: builds a request from options and submits it. The options become the
 * API's JSON fields one for one, and only the options given are sent: an advanced field nobody
 * asked for is never filled in. Any field of any installed model (a user's own model module
 * included) can be set with {@code --set FIELD=VALUE}, typed by the model's capability table, or
 * {@code --set-json FIELD=JSON}. The body is then read by the same codec and rules as
 * {@code submit FILE}, so a field the model does not have is reported the same way.
 */
@Command(name = "generate", sortOptions = false, description = {
    "Build a request from options, validate it, submit it and print the task id.",
    "Only the options given are sent. Veo: --ref (1-3). Kling: --image, --video, --keep-sound, --mode, --shot.",
    "Any model's fields (see 'vidgen models'): --set FIELD=VALUE (typed by the model's table; repeat for list items)",
    "and --set-json FIELD=JSON (objects and lists), next to the options above."
})
final class GenerateCommand implements Callable<Integer> {

    /** Loaded on first use: picocli creates every subcommand at start-up, and Jackson takes 100-150 ms to load, even for --version. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }
    /** A type suffix after the last ':' looks like a word; a port or a path does not. */
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z][A-Za-z_-]*");

    /** Which option sets which JSON field, to point a violation back at the option. */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(
            Map.entry("model", "--model"), Map.entry("prompt", "--prompt"),
            Map.entry("reference_image_urls", "--ref"), Map.entry("image_list", "--image"),
            Map.entry("video_list", "--video/--keep-sound"), Map.entry("aspect_ratio", "--aspect-ratio"),
            Map.entry("resolution", "--resolution"), Map.entry("duration", "--duration"),
            Map.entry("generate_audio", "--audio"), Map.entry("mode", "--mode"), Map.entry("multi_prompt", "--shot"),
            Map.entry("auto_fix", "--auto-fix"), Map.entry("safety_tolerance", "--safety-tolerance"),
            Map.entry("enhance_prompt", "--enhance-prompt"), Map.entry("person_generation", "--person-generation"),
            Map.entry("reference_type", "--reference-type"));

    @ParentCommand
    VidgenCli root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see 'vidgen models')")
    String model;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "What the video shows (required by most models)")
    String prompt;

    @Option(names = "--ref", paramLabel = "URL", description = "Veo: a reference image (repeat 1 to 3 times)")
    List<String> refs;

    @Option(names = "--image", paramLabel = "URL[:first_frame|end_frame]",
            description = "Kling: an image, optionally the first or end frame (repeatable)")
    List<String> images;

    @Option(names = "--video", paramLabel = "URL[:feature|base]", description = "Kling: the reference video and its refer type")
    String video;

    @Option(names = "--keep-sound", paramLabel = "yes|no", description = "Kling: keep the reference video's sound")
    String keepSound;

    @Option(names = "--aspect-ratio", paramLabel = "RATIO", description = "16:9, 9:16 (Kling also 1:1)")
    String aspectRatio;

    @Option(names = "--resolution", paramLabel = "RES", description = "Veo: 720p, 1080p or 4k")
    String resolution;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Veo: 8; Kling: 3 to 15")
    Integer duration;

    @Option(names = "--audio", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Veo: generate audio (--audio alone means true)")
    Boolean audio;

    @Option(names = "--mode", paramLabel = "MODE", description = "Kling: standard or pro")
    String mode;

    @Option(names = "--shot", paramLabel = "SECONDS:PROMPT", description = "Kling: one multi_prompt segment (repeatable)")
    List<String> shots;

    @Option(names = "--auto-fix", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Veo advanced: let the server fix the prompt")
    Boolean autoFix;

    @Option(names = "--safety-tolerance", paramLabel = "N", description = "Veo advanced: 1 (strictest) to 6")
    Integer safetyTolerance;

    @Option(names = "--enhance-prompt", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Veo standard only, advanced: enhance the prompt")
    Boolean enhancePrompt;

    @Option(names = "--person-generation", paramLabel = "VALUE", description = "Veo standard only, advanced: dont_allow or allow_adult")
    String personGeneration;

    @Option(names = "--reference-type", paramLabel = "VALUE", description = "Veo standard only, advanced: ASSET or STYLE")
    String referenceType;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Any field of the model: a string, number or true/false as its table says; for a list field, "
                    + "each --set adds an item (repeatable)")
    List<String> sets;

    @Option(names = "--set-json", paramLabel = "FIELD=JSON",
            description = "Any field of the model as JSON, for objects and lists, e.g. --set-json 'image_list=[{\"image_url\":\"https://...\"}]'")
    List<String> setJsons;

    @Mixin
    WaitOptions waitOptions;

    @Mixin
    ApiOptions api;

    /** The option that set each field given by --set or --set-json, to point a violation back at it. */
    private final Map<String, String> setBy = new java.util.HashMap<>();

    @Override
    public Integer call() {
        byte[] body = body();
        checkFieldsExist(body);
        VideoRequest request;
        try {
            request = LocalRules.read(body);
        } catch (RequestValidationException e) {
            throw new RequestValidationException(e.violations().stream().map(this::withOption).toList());
        }
        return TaskFlow.submit(root, api, request, waitOptions);
    }

    /** The request body in the API's JSON, with exactly the fields whose options were given. */
    byte[] body() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("model", model);
        putIfSet(o, "prompt", prompt);
        if (refs != null) {
            ArrayNode a = o.putArray("reference_image_urls");
            refs.forEach(a::add);
        }
        if (images != null) {
            ArrayNode a = o.putArray("image_list");
            for (String image : images) {
                String[] urlAndType = splitSuffix(image);
                ObjectNode item = a.addObject().put("image_url", urlAndType[0]);
                if (urlAndType[1] != null) {
                    item.put("type", urlAndType[1]);
                }
            }
        }
        if (video != null) {
            String[] urlAndType = splitSuffix(video);
            ObjectNode item = o.putArray("video_list").addObject().put("video_url", urlAndType[0]);
            if (urlAndType[1] != null) {
                item.put("refer_type", urlAndType[1]);
            }
            if (keepSound != null) {
                item.put("keep_original_sound", keepSound);
            }
        } else if (keepSound != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--keep-sound needs --video");
        }
        putIfSet(o, "aspect_ratio", aspectRatio);
        putIfSet(o, "resolution", resolution);
        if (duration != null) {
            o.put("duration", duration);
        }
        if (audio != null) {
            o.put("generate_audio", audio);
        }
        putIfSet(o, "mode", mode);
        if (shots != null) {
            ArrayNode a = o.putArray("multi_prompt");
            for (String shot : shots) {
                int colon = shot.indexOf(':');
                int seconds;
                try {
                    seconds = Integer.parseInt(colon < 0 ? "" : shot.substring(0, colon).strip());
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--shot expects SECONDS:PROMPT, for example --shot '3:a fox jumps', got '" + shot + "'");
                }
                a.addObject().put("prompt", shot.substring(colon + 1)).put("duration", seconds);
            }
        }
        if (autoFix != null) {
            o.put("auto_fix", autoFix);
        }
        if (safetyTolerance != null) {
            o.put("safety_tolerance", safetyTolerance);
        }
        if (enhancePrompt != null) {
            o.put("enhance_prompt", enhancePrompt);
        }
        putIfSet(o, "person_generation", personGeneration);
        putIfSet(o, "reference_type", referenceType);
        GenericFields.apply(o, LocalRules.catalog().capabilities(model).orElse(null), sets, setJsons, setBy, OPTION_OF,
                message -> new CommandLine.ParameterException(spec.commandLine(), message));
        try {
            return Json.MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request", e);
        }
    }

    /**
     * {@code URL[:suffix]} as {@code [url, suffix or null]}. Split from the right, because URLs hold
     * ':' themselves; the part after the last ':' is a suffix only when it is a word (a port number or
     * a path after it is part of the URL). An unknown word is kept as the suffix, so that validation
     * names the allowed values.
     */
    static String[] splitSuffix(String value) {
        int colon = value.lastIndexOf(':');
        if (colon > 0 && SUFFIX.matcher(value.substring(colon + 1)).matches()) {
            String url = value.substring(0, colon);
            // "https:" alone before a word would mean there was no URL at all: keep the text whole
            if (url.contains("://") || !url.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                return new String[] {url, value.substring(colon + 1)};
            }
        }
        return new String[] {value, null};
    }

    /**
     * Every option whose field no model of the family has, as one violation each naming the option
     * and the options the model takes (the codec would report them too, but in the API's terms
     * only). A field of a sibling model, such as Veo's standard-only enhance_prompt, is left to the
     * family's own rule, which says which model accepts it.
     */
    private void checkFieldsExist(byte[] body) {
        ModelCapabilities caps = LocalRules.catalog().capabilities(model).orElse(null);
        if (caps == null) {
            return; // the codec reports the unknown model with the known ones
        }
        Set<String> familyFields = LocalRules.catalog().familyOf(model).orElseThrow().models().stream()
                .flatMap(m -> m.fields().stream()).map(FieldSpec::name).collect(Collectors.toSet());
        List<Violation> unknown = new ArrayList<>();
        try {
            Json.MAPPER.readTree(body).fieldNames().forEachRemaining(field -> {
                if (!familyFields.contains(field)) {
                    String accepted = caps.fields().stream().map(FieldSpec::name).filter(n -> !n.contains("[") && !n.contains("."))
                            .filter(n -> !n.equals("model")).map(GenerateCommand::optionFor).distinct().collect(Collectors.joining(", "));
                    unknown.add(new Violation(FoxApiCodec.RULE_UNKNOWN_FIELD, field, null, "model " + model + " has no field "
                            + field + " (option " + optionOf(field) + "); its options: " + accepted));
                }
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read back the request", e);
        }
        if (!unknown.isEmpty()) {
            throw new RequestValidationException(unknown);
        }
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    /** The option that sets {@code field} in general: its own option, else {@code --set field=...}. */
    private static String optionFor(String field) {
        return OPTION_OF.getOrDefault(field, "--set " + field + "=...");
    }

    /** The option that set {@code field} in this run. */
    private String optionOf(String field) {
        String generic = setBy.get(field);
        return generic != null ? generic : optionFor(field);
    }

    /** The violation, its message naming the option that set the field. */
    private Violation withOption(Violation v) {
        String path = Errors.jsonPath(v.path() == null ? "" : v.path());
        String top = path.split("[.\\[]", 2)[0];
        String option = setBy.containsKey(top) ? setBy.get(top) : OPTION_OF.get(top);
        return option == null ? v : new Violation(v.ruleId(), v.path(), v.rejectedValue(), v.message() + " (option " + option + ")");
    }
}
