package io.modelcompose.worker.component;

import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Template;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A string shell command whose interpolated values stay data. The script text keeps what the config wrote; each
 * {@code ${...}} becomes a reference to an environment variable ({@code COMPOSE_VALUE_1}, ...) that holds the value,
 * quoted for where it stands (bare, inside {@code "..."} or inside {@code '...'}). The shell expands a variable
 * without evaluating its content, so no value can become shell syntax, and values never appear in the process's
 * arguments (nor in {@code ps}).
 *
 * <p>Where this reads the quoting wrongly (an unusual construct), the outcome is a literal reference or an unquoted
 * expansion, never execution of the value.
 *
 * @param text the script for {@code sh -c}
 * @param values the variables it refers to, in order
 */
record ShellScript(String text, Map<String, String> values) {
    static final String VARIABLE_PREFIX = "COMPOSE_VALUE_";

    /** Renders a string command template against a scope. */
    static ShellScript render(String command, Scope scope) {
        Builder builder = new Builder();
        Template.parse(command).splice(scope, builder);
        return new ShellScript(builder.script.toString(), builder.values);
    }

    private enum Quoting { BARE, DOUBLE, SINGLE }

    private enum Kind { ROOT, SUBSTITUTION, BACKTICK, PAREN }

    /** One level of nesting: the script itself, a {@code $(...)}, a {@code `...`} or a {@code (...)}. */
    private static final class Frame {
        private final Kind kind;
        private Quoting quoting = Quoting.BARE;

        Frame(Kind kind) {
            this.kind = kind;
        }
    }

    /** Tracks the quoting of the literal text seen so far, so that each value is quoted for where it stands. */
    private static final class Builder implements Template.Splice {
        private final StringBuilder script = new StringBuilder();
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Deque<Frame> frames = new ArrayDeque<>();
        private boolean escaped;

        Builder() {
            frames.push(new Frame(Kind.ROOT));
        }

        @Override
        public void literal(String text) {
            script.append(text);
            int i = 0;
            while (i < text.length()) {
                i += step(text.charAt(i), i + 1 < text.length() ? text.charAt(i + 1) : 0);
            }
        }

        @Override
        public void value(String text) {
            String name = VARIABLE_PREFIX + (values.size() + 1);
            values.put(name, text);
            escaped = false;
            switch (frames.element().quoting) {
                case DOUBLE -> script.append("${").append(name).append('}');
                case SINGLE -> script.append("'\"${").append(name).append("}\"'");
                default -> script.append("\"${").append(name).append("}\"");
            }
        }

        /** Reads one construct; answers how many characters it took. */
        private int step(char c, char next) {
            Frame top = frames.element();
            if (escaped) {
                escaped = false;
            } else if (top.quoting == Quoting.SINGLE) {
                top.quoting = c == '\'' ? Quoting.BARE : Quoting.SINGLE;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '$' && next == '(') {
                frames.push(new Frame(Kind.SUBSTITUTION));
                return 2;
            } else if (c == '`') {
                if (top.kind == Kind.BACKTICK) {
                    frames.pop();
                } else {
                    frames.push(new Frame(Kind.BACKTICK));
                }
            } else if (top.quoting == Quoting.DOUBLE) {
                top.quoting = c == '"' ? Quoting.BARE : Quoting.DOUBLE;
            } else {
                bare(top, c);
            }
            return 1;
        }

        private void bare(Frame top, char c) {
            if (c == '\'') {
                top.quoting = Quoting.SINGLE;
            } else if (c == '"') {
                top.quoting = Quoting.DOUBLE;
            } else if (c == '(') {
                frames.push(new Frame(Kind.PAREN));
            } else if (c == ')' && (top.kind == Kind.SUBSTITUTION || top.kind == Kind.PAREN)) {
                frames.pop();
            }
        }
    }
}
