package io.modelcompose.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link ComposeCli} in this JVM and captures its exit code, stdout and stderr. */
record CliResult(int exitCode, String out, String err) {
    static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ComposeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }
}
