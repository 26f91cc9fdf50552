/** Gateway interfaces: what the use cases need from the InvokeAI server and local storage. */
package io.invoke4j.ports;
