package io.modelcompose.shared.expr;

/** A node of a parsed expression; evaluation failures are thrown as {@link EvalFailure}. */
sealed interface Expr {
    Object eval(Scope scope);

    /** Offset of the node in the template string. */
    int position();

    /** A number, string, boolean or null written in the expression. */
    record Literal(Object value, int position) implements Expr {
        @Override
        public Object eval(Scope scope) {
            return value;
        }
    }

    /** {@code source path? method*}. */
    final class SourceRef implements Expr {
        private final String name;
        private final Step[] steps;
        private final int position;

        SourceRef(String name, Step[] steps, int position) {
            this.name = name;
            this.steps = steps;
            this.position = position;
        }

        @Override
        public Object eval(Scope scope) {
            Object value = scope.source(name);
            return value == Scope.ABSENT ? null : Path.apply(value, steps, 0);
        }

        @Override
        public int position() {
            return position;
        }
    }

    /**
     * {@code output.<name>...}: the output of finished job {@code <name>} if there is one, else field
     * {@code <name>} of the {@code output} source; {@code steps[0]} is that field.
     */
    final class OutputRef implements Expr {
        private final String jobId;
        private final Step[] steps;
        private final int position;

        OutputRef(String jobId, Step[] steps, int position) {
            this.jobId = jobId;
            this.steps = steps;
            this.position = position;
        }

        @Override
        public Object eval(Scope scope) {
            Object job = scope.jobOutput(jobId);
            if (job != Scope.ABSENT) {
                return Path.apply(job, steps, 1);
            }
            Object output = scope.source("output");
            return output == Scope.ABSENT ? null : Path.apply(output, steps, 0);
        }

        @Override
        public int position() {
            return position;
        }
    }

    /** Path steps or methods applied to a literal or a parenthesised expression: {@code 'a,b'.split(',')}. */
    final class Chain implements Expr {
        private final Expr base;
        private final Step[] steps;

        Chain(Expr base, Step[] steps) {
            this.base = base;
            this.steps = steps;
        }

        @Override
        public Object eval(Scope scope) {
            return Path.apply(base.eval(scope), steps, 0);
        }

        @Override
        public int position() {
            return base.position();
        }
    }

    /** {@code left op right} with op one of {@code + - * /}; positioned where {@code left} starts. */
    record Binary(char operator, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Scope scope) {
            Object a = left.eval(scope);
            Object b = right.eval(scope);
            return Arithmetic.apply(operator, a, b, left.position(), right.position());
        }

        @Override
        public int position() {
            return left.position();
        }
    }
}
