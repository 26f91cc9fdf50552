/**
 * The pure core of invoke4j: value types, ids and the exception family. No HTTP, no Guice, no file
 * writes; everything here can be used and tested without a server.
 */
package io.invoke4j.domain;
