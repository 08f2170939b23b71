package dev.kaizen.operator.logs;

import dev.kaizen.operator.aws.AwsTarget;
import dev.kaizen.operator.core.Change;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * LogPipeline's ports that only write down the calls made on them, so a planner test can check what a change
 * would send (its arguments) by applying it, instead of reading fields of a record per call.
 */
final class RecordingPorts {

  /** One call on a port: which port ({@code logs}, {@code alarms}, {@code fluentBit}), which method, with what. */
  record PortCall(String port, String method, List<Object> arguments) {}

  private final List<PortCall> calls = new ArrayList<>();
  private final LogPipelinePorts ports = new LogPipelinePorts(
      AwsTarget.of(Region.EU_WEST_1), recorder("logs", LogGroupGateway.class),
      recorder("alarms", AlarmGateway.class), recorder("fluentBit", FluentBitConfigs.class));

  /** The calls {@code change} makes when applied. */
  static List<PortCall> callsOf(Change<LogPipelinePorts> change) {
    RecordingPorts recording = new RecordingPorts();
    change.applyTo(recording.ports);
    return List.copyOf(recording.calls);
  }

  private <T> T recorder(String port, Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getReturnType() != void.class) {
        throw new UnsupportedOperationException(port + "." + method.getName() + " reads; a change only writes");
      }
      calls.add(new PortCall(port, method.getName(), args == null ? List.of() : Arrays.asList(args)));
      return null;
    }));
  }
}
