package dev.kaizen.operator.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

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
  /** How many times each request was sent, for tests that count API calls (a list per reconcile, say). */
  private static final Map<Request, LongAdder> COUNTS = new ConcurrentHashMap<>();

  private ApiRequests() {}

  static void record(String userAgent, String method, String path) {
    if (userAgent != null && userAgent.startsWith(OPERATOR_AGENT)) {
      Request request = new Request(method, path);
      SEEN.add(request);
      COUNTS.computeIfAbsent(request, r -> new LongAdder()).increment();
    }
  }

  public static Set<Request> seen() {
    return Set.copyOf(SEEN);
  }

  /** How many requests matching {@code which} the operator has sent so far in this JVM. */
  public static long count(Predicate<Request> which) {
    return COUNTS.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(e -> e.getValue().sum()).sum();
  }

  /** A list (not a watch, not a get by name) of {@code plural}, in one namespace or all (an informer's). */
  public static Predicate<Request> lists(String plural) {
    return request -> "GET".equals(request.method()) && request.path().matches(".*/" + plural + "(\\?.*)?")
        && !request.path().contains("watch=true");
  }

  /** A get by name of one of {@code plural} in {@code namespace}. */
  public static Predicate<Request> gets(String namespace, String plural) {
    return request -> "GET".equals(request.method())
        && request.path().matches(".*/namespaces/" + namespace + "/" + plural + "/[^/?]+(\\?.*)?");
  }
}
