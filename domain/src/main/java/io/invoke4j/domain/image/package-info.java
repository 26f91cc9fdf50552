/** Images, videos and boards on a server, as typed values ({@link io.invoke4j.domain.image.ImageInfo}, ids). */
package io.invoke4j.domain.image;
