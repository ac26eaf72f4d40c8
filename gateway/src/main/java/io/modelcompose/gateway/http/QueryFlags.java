package io.modelcompose.gateway.http;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/** Boolean query parameters: true/1/yes/on or false/0/no/off; anything else is a 400 naming the parameter. */
final class QueryFlags {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    private QueryFlags() {
    }

    static boolean flag(RoutingContext rc, String name) {
        String raw = rc.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        String value = raw.toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw new ComposeException(ErrorCode.BAD_REQUEST, name + " must be true or false, got '"
                + Replies.oneLine(raw) + "'.");
    }
}
