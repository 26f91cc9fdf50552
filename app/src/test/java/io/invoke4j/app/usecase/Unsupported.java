package io.invoke4j.app.usecase;

import java.lang.reflect.Proxy;

/** A port implementation for ports a test does not use: every call throws. */
public final class Unsupported {
  private Unsupported() {}

  public static <T> T of(Class<T> port) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
      if (method.getName().equals("toString")) {
        return "Unsupported " + port.getSimpleName();
      }
      throw new UnsupportedOperationException(port.getSimpleName() + "." + method.getName() + " is not faked");
    }));
  }
}
