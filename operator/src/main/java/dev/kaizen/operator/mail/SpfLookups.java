package dev.kaizen.operator.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Counts the DNS lookups an SPF record costs a receiver, as RFC 7208 section 4.6.4 defines them: each
 * {@code include}, {@code a}, {@code mx}, {@code ptr} and {@code exists} mechanism and the {@code redirect} modifier
 * count one, recursively through included records; {@code all}, {@code ip4} and {@code ip6} cost none. More than 10
 * is a permanent error; so are more than 2 "void" lookups (a name with no such record, or no such name).
 * Names the resolver could not answer for are listed, and the count is then a lower bound.
 */
public final class SpfLookups {
  public static final int MAX_LOOKUPS = 10;
  public static final int MAX_VOID_LOOKUPS = 2;
  private static final int MAX_DEPTH = 10;

  /**
   * A term whose name the resolver could not answer for: counted as the one lookup it costs itself, so what its
   * record would add is missing from the count.
   *
   * @param term the term as written ({@code include:_spf.example.com}), at any depth
   * @param name the name that was queried
   * @param reason why there was no answer
   */
  public record Unresolved(String term, String name, String reason) {
    /** One plain line for {@code kaizen validate} and {@code kaizen plan}. */
    public String line() {
      return "could not resolve " + term + ": " + reason + "; counted as 1 lookup";
    }

    boolean followsARecord() {
      String mechanism = term.toLowerCase(Locale.ROOT).replaceFirst("^[-+~?]", "");
      return mechanism.startsWith("include:") || mechanism.startsWith("redirect=");
    }
  }

  /** The lookups of a record: the count, the void ones, what each top-level term costs, what could not be resolved. */
  public record Count(int lookups, int voidLookups, List<String> termCosts, List<Unresolved> unresolvedTerms) {
    public boolean withinLimits() {
      return lookups <= MAX_LOOKUPS && voidLookups <= MAX_VOID_LOOKUPS;
    }

    /**
     * The includes (and redirects) that could not be resolved: what their records would add is missing from the count.
     * An {@code a} or {@code mx} not resolved still costs exactly its one lookup.
     */
    public List<Unresolved> unresolvedIncludes() {
      return unresolvedTerms.stream().filter(Unresolved::followsARecord).toList();
    }

    /** The names that could not be resolved (the count is then a lower bound). */
    public List<String> unresolved() {
      return unresolvedTerms.stream().map(Unresolved::name).distinct().toList();
    }

    /** One sentence for Stalled SpfLookupLimit, naming the terms. */
    public String problem(String domain) {
      return "The apex SPF record of " + domain + " needs " + lookups + " DNS lookups (at most " + MAX_LOOKUPS
          + ") and " + voidLookups + " void lookups (at most " + MAX_VOID_LOOKUPS + ", RFC 7208 4.6.4): "
          + String.join(", ", termCosts) + ". Remove or flatten includes, or use ip4:/ip6: terms.";
    }
  }

  private final DnsResolver resolver;
  private int lookups;
  private int voidLookups;
  private final List<Unresolved> unresolved = new ArrayList<>();
  private final Set<String> visiting = new HashSet<>();

  private SpfLookups(DnsResolver resolver) {
    this.resolver = resolver;
  }

  /** Counts {@code record} (the text of a {@code v=spf1} value) published at {@code domain}. */
  public static Count count(String domain, String record, DnsResolver resolver) {
    SpfLookups counter = new SpfLookups(resolver);
    List<String> costs = new ArrayList<>();
    for (String term : terms(record)) {
      int before = counter.lookups;
      int voidBefore = counter.voidLookups;
      counter.term(domain, term, 0);
      if (counter.lookups > before || counter.voidLookups > voidBefore) {
        costs.add(term + " (" + (counter.lookups - before) + (counter.lookups - before == 1 ? " lookup" : " lookups")
            + (counter.voidLookups > voidBefore ? ", " + (counter.voidLookups - voidBefore) + " void" : "") + ")");
      }
    }
    return new Count(counter.lookups, counter.voidLookups, costs, List.copyOf(counter.unresolved));
  }

  private static List<String> terms(String record) {
    List<String> terms = new ArrayList<>(List.of(record.trim().split("\\s+")));
    if (!terms.isEmpty() && terms.get(0).equalsIgnoreCase("v=spf1")) {
      terms.remove(0);
    }
    return terms;
  }

  private void term(String domain, String rawTerm, int depth) {
    String term = rawTerm.toLowerCase(Locale.ROOT);
    if (!term.isEmpty() && "+-~?".indexOf(term.charAt(0)) >= 0) {
      term = term.substring(1);
    }
    String mechanism = term.split("[:/=]", 2)[0];
    String argument = term.contains(":") ? term.substring(term.indexOf(':') + 1).split("/", 2)[0]
        : term.startsWith("redirect=") ? term.substring("redirect=".length()) : null;
    switch (mechanism) {
      case "include", "redirect" -> {
        lookups++;
        if (argument != null) {
          recurse(rawTerm, argument, depth);
        }
      }
      case "a" -> {
        lookups++;
        String target = argument != null ? argument : domain;
        resolve(rawTerm, target, () -> resolver.addresses(target) == 0);
      }
      case "mx" -> {
        lookups++;
        String target = argument != null ? argument : domain;
        resolve(rawTerm, target, () -> resolver.mx(target).isEmpty());
      }
      case "ptr", "exists" -> lookups++;
      default -> { } // all, ip4, ip6, exp= and unknown modifiers cost no lookup
    }
  }

  private void recurse(String rawTerm, String target, int depth) {
    if (depth >= MAX_DEPTH || !visiting.add(target)) {
      return; // a loop or an absurd depth: the count is already over any limit that matters
    }
    try {
      Optional<String> spf;
      try {
        spf = resolver.txt(target).stream().filter(t -> t.equals("v=spf1") || t.startsWith("v=spf1 ")).findFirst();
      } catch (DnsResolver.UnresolvedException e) {
        unresolved.add(new Unresolved(rawTerm, target, e.reason()));
        return;
      }
      if (spf.isEmpty()) {
        voidLookups++;
        return;
      }
      for (String term : terms(spf.get())) {
        term(target, term, depth + 1);
      }
    } finally {
      visiting.remove(target);
    }
  }

  private void resolve(String rawTerm, String target, java.util.function.BooleanSupplier isVoid) {
    try {
      if (isVoid.getAsBoolean()) {
        voidLookups++;
      }
    } catch (DnsResolver.UnresolvedException e) {
      unresolved.add(new Unresolved(rawTerm, target, e.reason()));
    }
  }
}
