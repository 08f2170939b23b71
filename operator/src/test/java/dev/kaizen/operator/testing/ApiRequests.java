package dev.kaizen.operator.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every request the operator's own Kubernetes client sent to a mock API server in this JVM (method and path), told
 * apart from the tests' requests by its User-Agent. The RBAC test checks them against {@code deploy/}.
 */
public final class ApiRequests {
  /** The User-Agent of the client {@link OperatorHarness} gives the operator. */
  public static final String OPERATOR_AGENT = "kaizen-operator-under-test";

  /** One request: HTTP method and path with query. */
  public record Request(String method, String path) {}

  private static final Set<Request> SEEN = ConcurrentHashMap.newKeySet();

  private ApiRequests() {}

  static void record(String userAgent, String method, String path) {
    if (userAgent != null && userAgent.startsWith(OPERATOR_AGENT)) {
      SEEN.add(new Request(method, path));
    }
  }

  public static Set<Request> seen() {
    return Set.copyOf(SEEN);
  }
}
