/** The invoke4j facade and its use cases. */
package io.invoke4j.app;
