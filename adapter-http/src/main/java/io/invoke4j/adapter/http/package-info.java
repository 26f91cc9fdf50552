/** Implementation of the ports over HTTP (Apache HttpClient 5 + Jackson). */
package io.invoke4j.adapter.http;
