package io.invoke4j.arch.violations.adapter.http;

import io.invoke4j.arch.violations.adapter.fs.FileStore;
import io.invoke4j.arch.violations.ports.Gateway;

/** Breaks: adapters never see each other (it uses the fs adapter). */
public abstract class HttpGateway implements Gateway {
  final FileStore store = new FileStore();
}
