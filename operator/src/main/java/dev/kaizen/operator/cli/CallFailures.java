package dev.kaizen.operator.cli;

import dev.kaizen.operator.aws.AwsClients;
import dev.kaizen.operator.aws.AwsTarget;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Names a failed AWS call the way a person debugging a pipeline needs it: service, operation, HTTP status, error code
 * and endpoint. An SDK exception knows neither its operation nor its endpoint, so the command line's clients are
 * wrapped: each failure is remembered with the call that raised it, and the exception itself passes through unchanged
 * (gateways still catch the SDK types they expect).
 */
final class CallFailures {
  private static final Map<Throwable, String> CALLS = Collections.synchronizedMap(new IdentityHashMap<>());

  private CallFailures() {}

  /** {@code clients}, whose clients remember which call each of their failures came from. */
  static AwsClients remembering(AwsClients clients, Endpoints endpoints) {
    return new AwsClients() {
      @Override
      public <C extends SdkClient> C client(AwsTarget target, Class<C> type) {
        C client = clients.client(target, type);
        String service = Endpoints.serviceName(type);
        String endpoint = endpoints.endpoint(type, target.region());
        InvocationHandler handler = (proxy, method, args) -> {
          try {
            return method.invoke(client, args);
          } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            CALLS.put(failure, service + " " + operation(method.getName()) + " at " + endpoint);
            throw failure;
          }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
      }

      @Override
      public void evict(String account) {
        clients.evict(account);
      }

      @Override
      public java.util.Optional<dev.kaizen.operator.aws.AccountCredentials> accountCredentials() {
        return clients.accountCredentials();
      }
    };
  }

  /**
   * One sentence: {@code CloudWatch Logs DescribeLogGroups at http://localhost:4566 failed: HTTP 500,
   * ServiceUnavailableException: ...}; never "(null)" when AWS sent no error code.
   */
  static String describe(Throwable failure) {
    Optional<String> call = Optional.empty();
    for (Throwable t = failure; t != null && call.isEmpty(); t = t.getCause()) {
      call = Optional.ofNullable(CALLS.get(t));
    }
    Throwable cause = failure;
    while (!(cause instanceof SdkException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String what = call.map(c -> c + " failed: ").orElse("");
    if (cause instanceof AwsServiceException aws) {
      String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
      String message = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorMessage();
      return what + "HTTP " + aws.statusCode() + (code == null ? " (no error code)" : ", " + code)
          + (message == null || message.isBlank() ? "" : ": " + firstLine(message))
          + (aws.requestId() == null ? "" : " (request " + aws.requestId() + ")") + ".";
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : firstLine(cause.getMessage());
    return what + (cause instanceof SdkException ? "no answer from AWS: " : "") + message
        + (message.endsWith(".") ? "" : ".");
  }

  /** describeLogGroups -> DescribeLogGroups. */
  static String operation(String method) {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
