/** Implementation of the local storage ports on the file system (java.nio). */
package io.invoke4j.adapter.fs;
