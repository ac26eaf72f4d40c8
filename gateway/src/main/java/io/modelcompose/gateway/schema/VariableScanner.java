package io.modelcompose.gateway.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the variables a template refers to in one source: every {@code ${source}} or {@code ${source.path}} with its
 * optional {@code as type/subtype;format}, {@code | default} and {@code @(name value)}, in maps, lists and strings.
 */
final class VariableScanner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAIL = "(?:\\s+as\\s+([^\\s|}@]+))?" // cast
            + "(?:\\s*\\|\\s*((?:[^}@\\\\]|\\\\.|@(?!\\())*?))?" // default
            + "\\s*(?:@\\(\\s*([A-Za-z_]\\w*)\\s+([^)]*)\\))?\\s*}"; // annotation
    private final Pattern pattern;

    /** A scanner of references to {@code source} (e.g. {@code input}). */
    VariableScanner(String source) {
        this.pattern = Pattern.compile("\\$\\{\\s*" + Pattern.quote(source) + "(?:\\.([^\\s|}@]+))?" + TAIL);
    }

    /** A scanner of references to any of these sources (e.g. for outputs: {@code result}, {@code jobs}...). */
    static VariableScanner anySource() {
        return new VariableScanner();
    }

    private VariableScanner() {
        this.pattern = Pattern.compile("\\$\\{\\s*[A-Za-z_][\\w-]*(?:[.\\[]([^\\s|}@]*))?" + TAIL);
    }

    /** Every reference in the template, in document order (maps in their iteration order). */
    List<Variable> scan(Object template) {
        List<Variable> found = new ArrayList<>();
        collect(template, found);
        return found;
    }

    private void collect(Object template, List<Variable> found) {
        if (template instanceof String text) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(variable(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
            }
        } else if (template instanceof Map<?, ?> map) {
            map.values().forEach(value -> collect(value, found));
        } else if (template instanceof List<?> list) {
            list.forEach(item -> collect(item, found));
        }
    }

    /** Parses {@code type[]/subtype;format} and the default, as the original's schema reader does. */
    static Variable variable(String name, String cast, String rawDefault, String annotation, String annotationValue) {
        String type = "string";
        String subtype = null;
        String format = null;
        if (cast != null) {
            String typePart = cast;
            int semicolon = cast.indexOf(';');
            if (semicolon >= 0) {
                format = emptyToNull(cast.substring(semicolon + 1));
                typePart = cast.substring(0, semicolon);
            }
            int slash = typePart.indexOf('/');
            if (slash >= 0) {
                subtype = emptyToNull(typePart.substring(slash + 1));
                typePart = typePart.substring(0, slash);
            }
            type = typePart.isEmpty() ? "string" : typePart.toLowerCase(Locale.ROOT);
        }
        boolean isList = type.endsWith("[]");
        if (isList) {
            type = type.substring(0, type.length() - 2);
        }
        List<String> options = type.equals("select") && subtype != null
                ? Arrays.stream(subtype.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        List<Variable.Annotation> annotations = annotation == null ? List.of()
                : List.of(new Variable.Annotation(annotation, annotationValue.strip()));
        Object defaultValue = rawDefault == null ? null : convert(unquote(rawDefault.strip()), type);
        return new Variable(name, type, isList, subtype, format, defaultValue, options, annotations);
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** The default as the type says; a default that does not convert stays as written. */
    static Object convert(String text, String type) {
        try {
            return switch (type) {
                case "number" -> Double.parseDouble(text);
                case "integer" -> Long.parseLong(text);
                case "boolean" -> text.equalsIgnoreCase("true") || text.equals("1");
                case "json", "object", "list" -> JSON.readValue(text, Object.class);
                default -> text;
            };
        } catch (NumberFormatException | JsonProcessingException e) {
            return text;
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
