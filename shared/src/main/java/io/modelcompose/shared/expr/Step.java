package io.modelcompose.shared.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One step of a path after a source: {@code .name}, {@code [n]}, {@code [a:b]}, {@code [*]} or a method call. */
sealed interface Step {
    /** Applies the step to a non-null value; a step that does not fit the value gives null. */
    Object apply(Object value);

    /** {@code .name} or {@code ['name']}: a field of an object; on a list a numeric name is an index. */
    record Field(String name, int index) implements Step {
        static Field of(String name) {
            return new Field(name, isIndex(name) ? Integer.parseInt(name) : -1);
        }

        @Override
        public Object apply(Object value) {
            if (value instanceof Map<?, ?> map) {
                return map.get(name);
            }
            if (index >= 0 && value instanceof List<?> list) {
                return Index.at(list, index);
            }
            return null;
        }

        private static boolean isIndex(String name) {
            if (name.isEmpty() || name.length() > 9) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code [n]}: an element of a list; negative counts from the end; out of range gives null. */
    record Index(int index) implements Step {
        @Override
        public Object apply(Object value) {
            return value instanceof List<?> list ? at(list, index) : null;
        }

        static Object at(List<?> list, int index) {
            int actual = index < 0 ? index + list.size() : index;
            return actual >= 0 && actual < list.size() ? list.get(actual) : null;
        }
    }

    /** {@code [from:to]}: a copy of part of a list or string, bounds as in Python (clamped, negative from end). */
    record Slice(Integer from, Integer to) implements Step {
        @Override
        public Object apply(Object value) {
            if (value instanceof List<?> list) {
                int start = bound(from, 0, list.size());
                int end = bound(to, list.size(), list.size());
                return start < end ? new ArrayList<Object>(list.subList(start, end)) : new ArrayList<>();
            }
            if (value instanceof String text) {
                int start = bound(from, 0, text.length());
                int end = bound(to, text.length(), text.length());
                return start < end ? text.substring(start, end) : "";
            }
            return null;
        }

        private static int bound(Integer given, int otherwise, int size) {
            if (given == null) {
                return otherwise;
            }
            int actual = given < 0 ? given + size : given;
            return Math.max(0, Math.min(actual, size));
        }
    }

    /** {@code [*]}: the rest of the path is applied to every element of a list (handled by {@link Path}). */
    record Wildcard() implements Step {
        @Override
        public Object apply(Object value) {
            return value;
        }
    }

    /** {@code .method(args)}. */
    record Call(Method method, String argument, int position) implements Step {
        @Override
        public Object apply(Object value) {
            return method.apply(value, argument, position);
        }
    }
}
