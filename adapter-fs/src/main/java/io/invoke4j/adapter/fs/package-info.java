/**
 * The local file system side of a run (java.nio): workflows from files or a directory
 * ({@link io.invoke4j.adapter.fs.WorkflowFiles}), outputs saved safely and atomically with a JSON
 * sidecar each ({@link io.invoke4j.adapter.fs.FileOutputStore}) and the append-only run journal that
 * lets a re-run resume instead of enqueueing again ({@link io.invoke4j.adapter.fs.RunJournal}).
 * Uses Jackson for its own files only, as the domain does for the workflow file.
 */
package io.invoke4j.adapter.fs;
