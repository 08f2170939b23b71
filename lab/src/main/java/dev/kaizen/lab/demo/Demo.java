package dev.kaizen.lab.demo;

import dev.kaizen.lab.embedded.AwsCall;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The demo's story, shown as it happens: the manifests converge (conditions as they change, the AWS calls that change
 * something, Events), then drift made behind the operator's back is corrected, then a resource meets an object it
 * does not own and refuses it. Displays ({@link Output}) only show; this decides what happens and when.
 */
public final class Demo {
  /** Where the demo shows what happens. */
  public interface Output {
    /** A moment worth a line: a condition changed, an AWS call changed something, an Event, a phase began. */
    void activity(String line);

    /** The resources and counters now (a display that keeps a table redraws it; one that prints lines ignores it). */
    void snapshot(List<ResourceState> states, Map<String, Long> callsByService, Duration elapsed);
  }

  /** How long each phase may take before the demo says it did not settle and goes on. */
  public record Limits(Duration converge, Duration driftCorrected, Duration conflictReported) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(90), Duration.ofSeconds(45),
        Duration.ofSeconds(30));
  }

  private static final Duration POLL = Duration.ofMillis(200);

  private final DemoWorld world;
  private volatile Output out;
  private final Limits limits;
  private final Map<String, String> lastShown = new HashMap<>();
  private final Set<String> eventsSeen = new HashSet<>();
  private final Map<String, Long> callsByService = new LinkedHashMap<>();
  private Instant started;

  public Demo(DemoWorld world, Output out, Limits limits) {
    this.world = world;
    this.out = out;
    this.limits = limits;
    world.aws().onCall(this::awsCall);
  }

  /** Runs the story on a world whose manifests are read and prepared; returns what it showed. */
  public DemoReport run(boolean drift) {
    started = Instant.now();
    world.startOperator();
    out.activity("operator started (" + String.join(" ", world.runOptions()) + ")");
    world.apply();
    out.activity("applied " + world.resources().size() + " resources");
    boolean settled = waitUntil(limits.converge(), () -> allSettled(world.resources().size()));
    Duration toConverge = Duration.between(started, Instant.now());
    List<ResourceState> converged = world.view().resources();
    out.activity(settled ? "every resource settled in " + seconds(toConverge)
        : "not every resource settled within " + seconds(limits.converge()) + "; going on");

    List<Drift.Injected> injected = List.of();
    Map<String, String> corrected = new LinkedHashMap<>();
    Optional<ResourceState> foreign = Optional.empty();
    boolean untouched = false;
    if (drift) {
      Set<String> before = driftCorrectedEvents().keySet();
      injected = new Drift(world).inject(converged);
      injected.forEach(d -> out.activity("drift  " + d.resourceId() + ": " + d.what()));
      List<Drift.Injected> expected = injected;
      Map<String, List<String>> messages = new LinkedHashMap<>();
      waitUntil(limits.driftCorrected(), () -> {
        newCorrections(before, messages);
        expected.stream().filter(d -> correctedBy(d, messages.getOrDefault(d.resourceId(), List.of())))
            .forEach(d -> corrected.putIfAbsent(d.resourceId(),
                String.join(" | ", messages.get(d.resourceId()))));
        return corrected.size() == expected.size() && allSettled(world.resources().size());
      });
      expected.stream().filter(d -> !corrected.containsKey(d.resourceId()))
          .forEach(d -> out.activity("drift  " + d.resourceId() + ": NOT corrected within "
              + seconds(limits.driftCorrected())));

      ForeignObject object = new ForeignObject(world);
      if (object.applicable()) {
        String id = object.seedAndApply();
        out.activity("foreign  " + object.describe() + "; then " + id + " applied, which would name its group so");
        waitUntil(limits.conflictReported(), () -> state(id)
            .filter(s -> s.stalled() && "NameConflict".equals(s.reason())).isPresent());
        foreign = state(id);
        untouched = object.untouched();
        out.activity("foreign  " + id + " is " + foreign.map(s -> s.state() + " " + s.reason()).orElse("absent")
            + "; the group is " + (untouched ? "untouched" : "CHANGED"));
      }
    }
    waitUntil(limits.conflictReported(), () -> allSettled(world.resources().size()));
    return new DemoReport(settled, toConverge, converged, injected, corrected, foreign, untouched,
        world.view().resources(), Map.copyOf(callsByService));
  }

  /** Keeps showing what happens, on {@code output}, until the thread is interrupted (--keep-running). */
  public void follow(Output output) {
    this.out = output;
    while (!Thread.currentThread().isInterrupted()) {
      waitUntil(Duration.ofHours(1), () -> false);
    }
  }

  private Optional<ResourceState> state(String id) {
    return world.view().resources().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  private boolean allSettled(int expected) {
    List<ResourceState> states = world.view().resources();
    return states.size() >= expected && states.stream().allMatch(ResourceState::settled);
  }

  /** Polls, showing what changed, until {@code done} or the limit; true when done. */
  private boolean waitUntil(Duration limit, BooleanSupplier done) {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      poll();
      if (done.getAsBoolean()) {
        poll();
        return true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Shows each condition change and each new Event, then the snapshot. */
  private void poll() {
    List<ResourceState> states = world.view().resources();
    for (ResourceState s : states) {
      String shown = s.state() + " " + s.reason() + " " + s.message();
      if (!shown.equals(lastShown.put(s.id(), shown))) {
        out.activity("status " + s.id() + ": " + s.state() + (s.reason().isEmpty() ? "" : " " + s.reason())
            + (s.message().isEmpty() ? "" : " - " + s.message()));
      }
    }
    for (Event e : world.view().events()) {
      String key = e.getMetadata().getUid() + "#" + e.getCount();
      if (eventsSeen.add(key)) {
        out.activity("event  " + e.getInvolvedObject().getKind() + "/" + namespaced(e) + " " + e.getReason() + ": "
            + e.getMessage());
      }
    }
    synchronized (callsByService) {
      out.snapshot(states, Map.copyOf(callsByService), Duration.between(started, Instant.now()));
    }
  }

  /** DriftCorrected Events by "uid#count", with the resource id they are about and their message. */
  private Map<String, String[]> driftCorrectedEvents() {
    Map<String, String[]> found = new HashMap<>();
    for (Event e : world.view().events()) {
      if ("DriftCorrected".equals(e.getReason())) {
        found.put(e.getMetadata().getUid() + "#" + e.getCount(), new String[] {
            e.getInvolvedObject().getKind() + "/" + namespaced(e), e.getMessage()});
      }
    }
    return found;
  }

  /** Collects the messages of DriftCorrected Events that came after {@code before}, by resource id. */
  private void newCorrections(Set<String> before, Map<String, List<String>> messages) {
    driftCorrectedEvents().forEach((key, event) -> {
      if (!before.contains(key)) {
        List<String> seen = messages.computeIfAbsent(event[0], k -> new ArrayList<>());
        if (!seen.contains(event[1])) {
          seen.add(event[1]);
        }
      }
    });
  }

  /** Every correction the drift calls for is named by one of the resource's new DriftCorrected Events. */
  private static boolean correctedBy(Drift.Injected drift, List<String> messages) {
    return drift.corrections().stream().allMatch(c -> messages.stream().anyMatch(m -> m.contains(c)));
  }

  private static String namespaced(Event e) {
    String ns = e.getInvolvedObject().getNamespace();
    return (ns == null || ns.isEmpty() ? "" : ns + "/") + e.getInvolvedObject().getName();
  }

  private void awsCall(AwsCall call) {
    synchronized (callsByService) {
      callsByService.merge(call.service(), 1L, Long::sum);
    }
    if (call.mutating() || !call.succeeded()) {
      out.activity("aws    " + call.account() + " " + call.region() + " " + call.service() + " " + call.operation()
          + (call.succeeded() ? "" : " -> " + call.errorCode()));
    }
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** The summary's lines: resources Ready / Stalled with reasons, AWS calls by service, time to converge. */
  public static List<String> summary(DemoReport report) {
    List<String> lines = new ArrayList<>();
    long ready = report.finalStates().stream().filter(ResourceState::ready).count();
    long stalled = report.finalStates().stream().filter(ResourceState::stalled).count();
    long plan = report.finalStates().stream().filter(ResourceState::planPending).count();
    lines.add("Summary: " + report.finalStates().size() + " resources: " + ready + " Ready, " + plan
        + " PlanPending, " + stalled + " Stalled, " + (report.finalStates().size() - ready - stalled - plan)
        + " other");
    for (ResourceState s : report.finalStates()) {
      lines.add(String.format("  %-12s %-44s %s", s.state(), s.id(), s.reason()
          + (s.stalled() || !s.ready() ? " - " + s.message() : "")
          + (s.planPending() ? " plan: " + String.join("; ", s.plan()) : "")));
    }
    lines.add("Time to converge: " + seconds(report.timeToConverge()) + (report.settled() ? "" : " (NOT settled)"));
    lines.add("AWS calls by service: " + report.callsByService().entrySet().stream().sorted(
        Map.Entry.<String, Long>comparingByValue().reversed()).map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b).orElse("none"));
    if (!report.drift().isEmpty()) {
      lines.add("Drift corrected: " + report.corrected().size() + " of " + report.drift().size());
      report.drift().forEach(d -> lines.add("  " + d.resourceId() + ": " + d.what() + " -> "
          + Optional.ofNullable(report.corrected().get(d.resourceId())).orElse("NOT corrected")));
    }
    report.foreign().ifPresent(f -> lines.add("Not ours: " + f.id() + " " + f.state() + " " + f.reason()
        + "; the object is " + (report.foreignUntouched() ? "untouched" : "CHANGED")));
    return lines;
  }
}
