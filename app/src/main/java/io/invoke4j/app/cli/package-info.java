/**
 * The {@code invoke4j} command line (picocli), the only place that prints.
 *
 * <p>A subcommand is one class, {@code @Command(name = "...")} implementing {@code Callable<Integer>},
 * plus one entry in {@code subcommands} of {@link io.invoke4j.app.cli.InvokeCommand}. It prints results
 * to {@code spec.commandLine().getOut()} and reports bad input by throwing
 * {@link java.lang.IllegalArgumentException} or an {@link io.invoke4j.domain.InvokeException}:
 * {@link io.invoke4j.app.cli.ErrorPolicy} turns those into one line on stderr and exit code 2, so
 * subcommands never catch, print errors or choose exit codes themselves. {@code --verbose} and
 * {@code --help} are inherited by every subcommand.
 */
package io.invoke4j.app.cli;
