/**
 * The {@code temper} command line: {@code study}, {@code train}, {@code summary} and {@code bench}. Builds engine
 * objects from config values ({@code dev.temper.cli.config}) and prints progress; with {@code dev.temper.report},
 * the only package that writes to standard output. {@code study} runs a {@code dev.temper.study.Study} and renders
 * its tables and report ({@code StudyTables}, {@code StudyReport}, {@code StudyFindings}).
 */
package dev.temper.cli;
