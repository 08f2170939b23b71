package dev.kaizen.operator.core.reconcile.gadget;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import dev.kaizen.operator.core.ownership.OwnerTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The port of {@link GadgetKind}: an in-memory place holding parts (each with an ownership marker, like labels),
 * slow operations that complete when the test says so, and a log of every write, so tests count side effects.
 */
public final class GadgetStore {
  /** A part as stored: its marker (null values when it carries none) and an identity like a creation stamp. */
  public record Part(String name, OwnerTags marker, String identity) {}

  /** A store rejects a part with this name the way a service refuses a request that will never succeed. */
  public static final String REJECTED_NAME = "forbidden-name";

  public static final class Rejected extends RuntimeException {
    Rejected(String message) {
      super(message);
    }
  }

  private final Map<String, Part> parts = new ConcurrentHashMap<>();
  private final Map<String, String> operations = new ConcurrentHashMap<>(); // handle -> part name, while running
  private final Map<String, OwnerTags> operationMarkers = new ConcurrentHashMap<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final AtomicInteger handles = new AtomicInteger();
  private final java.util.Set<String> failed = ConcurrentHashMap.newKeySet();
  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger polls = new AtomicInteger();
  private volatile java.util.function.BooleanSupplier interference;
  private volatile boolean gateOpen = true;
  private final List<String> observes = new CopyOnWriteArrayList<>();
  private final java.util.Set<String> throttleOnce = ConcurrentHashMap.newKeySet();
  private final java.util.Set<String> unreachableFor = ConcurrentHashMap.newKeySet();

  public Optional<Part> read(String name) {
    java.util.function.BooleanSupplier hook = interference;
    if (hook != null && hook.getAsBoolean()) {
      interference = null;
    }
    return Optional.ofNullable(parts.get(name));
  }

  public void create(String name, OwnerTags marker) {
    attempts.add("create " + name);
    reject(name);
    if (unreachableFor.contains(name)) {
      throw software.amazon.awssdk.core.exception.SdkClientException.create("Unable to execute HTTP request: Read"
          + " timed out");
    }
    writes.add("create " + name);
    parts.putIfAbsent(name, new Part(name, marker, UUID.randomUUID().toString()));
  }

  /** Starts making a part that appears only once {@link #complete} is called; returns the operation's handle. */
  public String startCreate(String name, OwnerTags marker) {
    reject(name);
    if (throttleOnce.remove(name)) {
      throw AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
          .errorCode("ThrottlingException").errorMessage("Rate exceeded").build()).build();
    }
    writes.add("start create " + name);
    String handle = "op-" + handles.incrementAndGet();
    operations.put(handle, name);
    operationMarkers.put(handle, marker);
    return handle;
  }

  /** Every create of this part times out (nothing done) until {@link #reachable}: a transient failure that lasts. */
  public void unreachable(String name) {
    unreachableFor.add(name);
  }

  public void reachable(String name) {
    unreachableFor.remove(name);
  }

  /** The next start of this part is refused the way AWS throttles a request: nothing done, come back later. */
  public void throttleNextStart(String name) {
    throttleOnce.add(name);
  }

  /** Whether the operation is still running; an unknown handle is done. */
  public boolean running(String handle) {
    polls.incrementAndGet();
    return operations.containsKey(handle);
  }

  public void complete(String handle) {
    // The part first: a poll that sees the operation done must find the part (as AWS shows a finished create).
    String name = operations.get(handle);
    parts.putIfAbsent(name, new Part(name, operationMarkers.remove(handle), UUID.randomUUID().toString()));
    operations.remove(handle);
  }

  /** The operation ends without making its part (a change AWS gave up on). */
  public void fail(String handle) {
    operations.remove(handle);
    operationMarkers.remove(handle);
    failed.add(handle);
  }

  public boolean failed(String handle) {
    return failed.contains(handle);
  }

  public void completeAll() {
    List.copyOf(operations.keySet()).forEach(this::complete);
  }

  public void retag(String name, OwnerTags marker) {
    writes.add("retag " + name);
    parts.computeIfPresent(name, (n, part) -> new Part(n, marker, part.identity()));
  }

  public void delete(String name) {
    writes.add("delete " + name);
    parts.remove(name);
  }

  public void sideEffect(String what) {
    writes.add("side effect " + what);
  }

  /** Someone else's part, made outside the operator. */
  public void putForeign(String name, OwnerTags marker) {
    parts.put(name, new Part(name, marker, UUID.randomUUID().toString()));
  }

  /** Runs {@code hook} at each read until it answers true (it interfered): a concurrent writer, in tests. */
  public void interfereWhen(java.util.function.BooleanSupplier hook) {
    this.interference = hook;
  }

  /** Whether a phase may be left (a verification passed, say); a closed gate keeps the machine waiting. */
  public boolean gateOpen() {
    return gateOpen;
  }

  public void gate(boolean open) {
    this.gateOpen = open;
  }

  /** Notes one observe: the phase the resource was in and whether it was full. */
  public void noteObserve(String phase, boolean full) {
    observes.add(phase + (full ? ":full" : ":light"));
  }

  public List<String> observes() {
    return List.copyOf(observes);
  }

  /** Every create asked for, rejected ones included. */
  public List<String> attempts() {
    return List.copyOf(attempts);
  }

  /** How many times a running operation was asked about. */
  public int polls() {
    return polls.get();
  }

  public List<String> writes() {
    return List.copyOf(writes);
  }

  public Map<String, Part> parts() {
    return Map.copyOf(parts);
  }

  private static void reject(String name) {
    if (REJECTED_NAME.equals(name)) {
      throw new Rejected("The store refuses the name " + name + ".");
    }
  }
}
