package dev.kaizen.operator.resilience;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** The name an AWS create request gives its object, read from the SDK request's own accessors. */
final class ObjectNames {
  /** Accessors that name an object, most specific last: a schedule is its group plus its name. */
  private static final List<String> ACCESSORS = List.of("logGroupName", "groupName", "name", "emailIdentity",
      "autoScalingGroupName", "launchTemplateName", "loadBalancerArn", "port", "alarmName", "filterName");

  private ObjectNames() {}

  static String of(Object request) {
    List<String> parts = new ArrayList<>();
    for (String accessor : ACCESSORS) {
      try {
        Method method = request.getClass().getMethod(accessor);
        Object value = method.invoke(request);
        if (value != null) {
          parts.add(String.valueOf(value));
        }
      } catch (NoSuchMethodException e) {
        // this request has no such field
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join("/", parts);
  }
}
