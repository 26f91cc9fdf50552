package io.invoke4j.arch.violations.domain;

import java.net.http.HttpClient;

/** Breaks: the domain uses no HTTP. */
public final class HttpCallingValue {
  final HttpClient client = HttpClient.newHttpClient();
}
