package dev.kaizen.operator.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What no single manifest shows: two manifests that are the same Kubernetes object (the last one applied silently
 * replaces the other), or two resources that claim the same external object (both would try to own it; the second
 * stalls, or worse, they fight). Each duplicate is reported on the later manifest, at its line, naming where the first
 * one is; a manifest defined twice is reported once, as such, not again for the objects it claims.
 */
public final class DuplicateCheck {

  /**
   * An external object a manifest names.
   *
   * @param object what it is, in words, unique per object: {@code the CloudWatch Logs group /shop/web in eu-west-1}
   * @param field the field that names it (or whose absence defaults it), e.g. {@code spec.logGroup.name}
   * @param detail how the name came about, e.g. {@code (defaulted from the namespace and name)}; may be empty
   */
  public record Claim(String object, String field, String detail) {}

  private final Function<Manifest, String> namespaceOf;

  /**
   * @param namespaceOf the namespace a manifest lands in, or null for a cluster-scoped kind; a manifest without
   *     {@code metadata.namespace} lands in the namespace it is applied to, which the caller decides
   */
  public DuplicateCheck(Function<Manifest, String> namespaceOf) {
    this.namespaceOf = namespaceOf;
  }

  /** The same apiVersion group, kind, namespace and name more than once. Manifests without a name are skipped. */
  public List<Problem> sameObject(List<Manifest> manifests) {
    Map<String, Manifest> first = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Manifest manifest : manifests) {
      if (manifest.name() == null) {
        continue;
      }
      String namespace = namespaceOf.apply(manifest);
      Manifest earlier = first.putIfAbsent(objectKey(manifest), manifest);
      if (earlier != null) {
        problems.add(new Problem(manifest.location(), manifest.resource(), "metadata.name",
            "is defined twice: " + identity(manifest, namespace) + " is also at " + earlier.location()
                + assumedNamespace(manifest, earlier) + "; the one applied last would replace the other"));
      }
    }
    return problems;
  }

  /** The same external object claimed by more than one manifest. */
  public List<Problem> sameClaim(List<Manifest> manifests, Function<Manifest, List<Claim>> claimsOf) {
    Map<String, Manifest> first = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Manifest manifest : manifests) {
      for (Claim claim : claimsOf.apply(manifest)) {
        Manifest earlier = first.putIfAbsent(claim.object(), manifest);
        if (earlier != null && earlier != manifest && !sameObject(earlier, manifest)) {
          String other = identity(earlier, namespaceOf.apply(earlier));
          problems.add(new Problem(manifest.location(), manifest.resource(), claim.field(),
              "claims " + claim.object() + claim.detail() + ", which " + other + " at " + earlier.location()
                  + " claims too" + assumedNamespace(manifest, earlier)
                  + "; only one resource can own it: give one of them another name"));
        }
      }
    }
    return problems;
  }

  private String objectKey(Manifest manifest) {
    return manifest.group() + "/" + manifest.kind() + "/" + Objects.toString(namespaceOf.apply(manifest), "") + "/"
        + manifest.name();
  }

  private boolean sameObject(Manifest one, Manifest other) {
    return one.name() != null && objectKey(one).equals(objectKey(other));
  }

  private static String identity(Manifest manifest, String namespace) {
    return manifest.kind() + " " + (namespace == null ? "" : namespace + "/") + manifest.name();
  }

  // Two manifests without a namespace collide only when applied to the same one; say which was assumed.
  private String assumedNamespace(Manifest later, Manifest earlier) {
    boolean assumed = later.namespace() == null || earlier.namespace() == null;
    String namespace = namespaceOf.apply(later.namespace() == null ? later : earlier);
    return assumed && namespace != null
        ? " (metadata.namespace not set: namespace " + namespace + " assumed)"
        : "";
  }
}
