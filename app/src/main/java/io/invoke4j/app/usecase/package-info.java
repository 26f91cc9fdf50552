/** Use cases over the domain and the ports: what the facade and the command line both do. */
package io.invoke4j.app.usecase;
