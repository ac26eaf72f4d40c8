package io.modelcompose.systemtests.docker;

import io.modelcompose.cli.ComposeCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link ComposeCli} in this JVM and captures its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ComposeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Both streams, for assertion messages. */
    String all() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
