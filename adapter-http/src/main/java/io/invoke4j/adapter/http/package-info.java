/**
 * The ports over HTTP: Apache HttpClient 5 (classic, HTTP/1.1) and Jackson against InvokeAI's REST
 * API (checked against InvokeAI 6.14.2).
 *
 * <p>Open one {@link io.invoke4j.adapter.http.InvokeHttp} per server from {@link
 * io.invoke4j.adapter.http.HttpSettings} (base URL with any reverse-proxy path, token or
 * credentials, timeouts, {@link io.invoke4j.adapter.http.RetryPolicy}) and hand it to the gateways:
 * {@link io.invoke4j.adapter.http.HttpQueueGateway}, {@link io.invoke4j.adapter.http.HttpImageGateway},
 * {@link io.invoke4j.adapter.http.HttpBoardGateway}, {@link io.invoke4j.adapter.http.HttpModelGateway},
 * {@link io.invoke4j.adapter.http.HttpWorkflowLibrary} and {@link
 * io.invoke4j.adapter.http.HttpServerGateway}. Everything else here (wire mappers such as {@code
 * QueueMapper}) is package-private: responses become domain values inside this package.
 *
 * <p>Failures are {@link io.invoke4j.domain.InvokeHttpException} (error status), {@link
 * io.invoke4j.domain.InvokeTransportException} (I/O) and {@link
 * io.invoke4j.domain.InvokeProtocolException} (unreadable answer); a 404 on a lookup is an empty
 * {@code Optional}.
 */
package io.invoke4j.adapter.http;
