package dev.kaizen.operator.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;

/**
 * A stable handle on one (account, region, service) client whose SDK client can be replaced. Kinds keep their
 * gateways, and so their clients, for the operator's lifetime (LogPipeline's catalogs do); when an account's
 * settings change, {@link #evict} closes the SDK client behind the handle and the next call builds one from the
 * current settings, so no holder can go on using stale credentials. {@code close()} on the handle does nothing:
 * {@link SdkAwsClients} owns the clients' lifecycle.
 */
final class EvictableClient<C extends SdkClient> implements InvocationHandler {
  private final Class<C> type;
  private final Supplier<C> build;
  private final C handle;
  private C current;

  EvictableClient(Class<C> type, Supplier<C> build) {
    this.type = type;
    this.build = build;
    this.handle = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this));
  }

  C handle() {
    return handle;
  }

  synchronized C current() {
    if (current == null) {
      current = build.get();
    }
    return current;
  }

  /** Closes the SDK client in use, if any; the next call builds a new one. */
  synchronized void evict() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> type.getSimpleName() + " handle";
      };
    }
    if (method.getName().equals("close") && method.getParameterCount() == 0) {
      return null;
    }
    try {
      return method.invoke(current(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
