/**
 * The {@code temper} command line: {@code train} and {@code bench}. Builds engine objects from config values
 * ({@code dev.temper.cli.config}) and prints progress; the only package that writes to standard output.
 */
package dev.temper.cli;
