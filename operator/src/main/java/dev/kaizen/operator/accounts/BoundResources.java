package dev.kaizen.operator.accounts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The resources of every kind registered with the operator, as its informers hold them: so an AwsAccount or a
 * namespace label change wakes the resources bound through it, and an AwsAccount knows who uses it, for any kind
 * registered, without code of its own.
 */
final class BoundResources {
  private final Operator operator;

  BoundResources(Operator operator) {
    this.operator = operator;
  }

  /** Every cached resource of every kind that matches. */
  List<HasMetadata> matching(Predicate<HasMetadata> filter) {
    List<HasMetadata> found = new ArrayList<>();
    for (RegisteredController<?> registered : operator.getRegisteredControllers()) {
      controller(registered).getEventSourceManager().getControllerEventSource()
          .list(resource -> filter.test(resource)).forEach(found::add);
    }
    return found;
  }

  /** Reconciles every resource that matches now, whatever its next scheduled time; returns how many. */
  int wake(Predicate<HasMetadata> filter) {
    int woken = 0;
    for (RegisteredController<?> registered : operator.getRegisteredControllers()) {
      Controller<HasMetadata> controller = controller(registered);
      for (HasMetadata resource : controller.getEventSourceManager().getControllerEventSource()
          .list(resource -> filter.test(resource)).toList()) {
        controller.getEventProcessor().handleEvent(new Event(ResourceID.fromResource(resource)));
        woken++;
      }
    }
    return woken;
  }

  @SuppressWarnings("unchecked")
  private static Controller<HasMetadata> controller(RegisteredController<?> registered) {
    // Operator.register returns the JOSDK Controller itself; its informer cache and event processor are public.
    return (Controller<HasMetadata>) registered;
  }
}
