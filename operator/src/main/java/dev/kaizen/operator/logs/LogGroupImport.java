package dev.kaizen.operator.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.core.ownership.OwnerTags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns an existing log group, as read from the account, into a LogPipeline manifest with {@code adopt: true}: what
 * the model can express (retention, KMS key, tags, the operator-named metric filters, their alarms and subscription)
 * as spec, what it cannot as comments above the manifest, so a reviewer sees both in one pull request. Pure: the
 * reading is the command's.
 *
 * <p>Read but not expressible, so only commented: the log group class (chosen at creation, never changed; the operator
 * creates STANDARD groups and has no field for it) and a data protection policy (its status comes with the listing;
 * the model has no field for masking sensitive data, so the policy is neither read in full nor changed).
 */
public final class LogGroupImport {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  private static final Pattern SPEC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final Set<String> STATISTICS = Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
  private static final int MAX_NAME = 63;

  private LogGroupImport() {}

  /** What was read of one group. */
  public record Found(ObservedLogGroup group, Map<String, String> tags, List<MetricFilterDefinition> metricFilters,
      List<ObservedAlarm> alarms, List<SubscriptionDefinition> subscriptions) {}

  /** The manifest for {@code found} in {@code namespace}, or only comments when it cannot be adopted. */
  public static String manifest(Found found, String namespace, Optional<String> region, Set<String> takenNames) {
    String groupName = found.group().name();
    List<String> notes = new ArrayList<>();
    if (found.tags().keySet().stream().anyMatch(k -> k.startsWith(OwnerTags.PREFIX))) {
      return "# " + groupName + ": not imported, it carries kaizen-operator ownership tags (owner "
          + found.tags().getOrDefault(OwnerTags.OWNER, "unknown") + "): it is already some LogPipeline's, and the"
          + " operator never adopts another owner's group.\n";
    }
    ObjectNode pipeline = YAML.createObjectNode();
    pipeline.put("apiVersion", "kaizen.dev/v1alpha1");
    pipeline.put("kind", LogPipeline.KIND);
    ObjectNode metadata = pipeline.putObject("metadata");
    metadata.put("name", uniqueName(groupName, takenNames));
    metadata.put("namespace", namespace);
    ObjectNode spec = pipeline.putObject("spec");
    region.ifPresent(r -> spec.put("region", r));
    spec.put("adopt", true);
    ObjectNode logGroup = spec.putObject("logGroup");
    logGroup.put("name", groupName);
    if (found.group().retentionDays() != null) {
      logGroup.put("retentionDays", found.group().retentionDays());
    }
    if (found.group().kmsKeyArn() != null) {
      logGroup.put("kmsKeyArn", found.group().kmsKeyArn());
    }
    if (!found.tags().isEmpty()) {
      ObjectNode tags = logGroup.putObject("tags");
      new TreeMap<>(found.tags()).forEach(tags::put);
    }
    ArrayNode filters = YAML.createArrayNode();
    for (MetricFilterDefinition filter : found.metricFilters()) {
      String specName = filter.ours() ? filter.filterName().substring(MetricFilterDefinition.PREFIX.length()) : "";
      if (!filter.ours() || !SPEC_NAME.matcher(specName).matches()) {
        notes.add("metric filter " + filter.filterName() + " (pattern " + abbreviated(filter.pattern())
            + ") is left as it is: the operator manages only filters named kaizen/<name>; add it under"
            + " spec.metricFilters to have it recreated under that name, then delete the old one.");
        continue;
      }
      ObjectNode spec1 = filters.addObject();
      spec1.put("name", specName);
      spec1.put("pattern", filter.pattern());
      ObjectNode metric = spec1.putObject("metric");
      metric.put("namespace", filter.metricNamespace());
      metric.put("name", filter.metricName());
      metric.put("value", filter.metricValue());
      if (filter.defaultValue() != null) {
        metric.put("defaultValue", filter.defaultValue());
      }
      if (!MetricFilterDefinition.DEFAULT_UNIT.equals(filter.unit())) {
        metric.put("unit", filter.unit());
      }
      String alarmName = AlarmDefinition.name(groupName, specName);
      found.alarms().stream().filter(a -> a.definition().alarmName().equals(alarmName)).findFirst()
          .ifPresent(alarm -> alarm(spec1, alarm.definition(), notes));
    }
    if (!filters.isEmpty()) {
      spec.set("metricFilters", filters);
    }
    for (ObservedAlarm alarm : found.alarms()) {
      String filterName = alarm.definition().alarmName().substring(
          AlarmDefinition.groupPrefix(groupName).length());
      if (found.metricFilters().stream().noneMatch(f -> f.filterName().equals(MetricFilterDefinition.awsName(filterName)))) {
        notes.add("alarm " + alarm.definition().alarmName() + " has no kaizen/ metric filter of that name: left out.");
      }
    }
    for (SubscriptionDefinition subscription : found.subscriptions()) {
      if (SubscriptionDefinition.NAME.equals(subscription.filterName())) {
        ObjectNode sub = spec.putObject("subscription");
        sub.put("destinationArn", subscription.destinationArn());
        if (subscription.roleArn() != null) {
          sub.put("roleArn", subscription.roleArn());
        }
        if (subscription.pattern() != null && !subscription.pattern().isEmpty()) {
          sub.put("pattern", subscription.pattern());
        }
      } else {
        notes.add("subscription filter " + subscription.filterName() + " to " + subscription.destinationArn()
            + " is left as it is: the operator manages only the one named " + SubscriptionDefinition.NAME + ".");
      }
    }
    classAndDataProtection(found.group(), notes);
    notes.add("pods is not set: add spec.pods to ship the namespace's pod logs here with Fluent Bit.");
    StringBuilder out = new StringBuilder();
    out.append("# Imported from the log group ").append(groupName).append(" (").append(found.group().arn())
        .append(").\n");
    notes.forEach(note -> out.append("# ").append(note).append('\n'));
    try {
      return out.append(YAML.writeValueAsString(pipeline)).toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** What the model cannot carry of the group itself, said in comments; the adopted group keeps it as it is. */
  private static void classAndDataProtection(ObservedLogGroup group, List<String> notes) {
    String logGroupClass = group.logGroupClass();
    if (logGroupClass != null && !"STANDARD".equals(logGroupClass)) {
      notes.add("log group class " + logGroupClass + " is kept: a class is chosen when a group is created and cannot"
          + " change, and spec has no field for it (a group the operator had to create again would be STANDARD)."
          + ("INFREQUENT_ACCESS".equals(logGroupClass)
              ? " This class takes no metric or subscription filters: CloudWatch Logs refuses any added here." : ""));
    }
    if ("ACTIVATED".equals(group.dataProtectionStatus())) {
      notes.add("a data protection policy is active on this group (sensitive data masked): spec has no field for"
          + " it, so the operator leaves it as it is; see aws logs get-data-protection-policy"
          + " --log-group-identifier " + group.name() + ".");
    } else if (group.dataProtectionStatus() != null) {
      notes.add("data protection: " + group.dataProtectionStatus() + " (spec has no field for it; left as it is).");
    }
  }

  private static void alarm(ObjectNode filter, AlarmDefinition alarm, List<String> notes) {
    if (!STATISTICS.contains(alarm.statistic())) {
      notes.add("alarm " + alarm.alarmName() + " uses the statistic " + alarm.statistic()
          + ", which spec.metricFilters[].alarm cannot express: left out.");
      return;
    }
    ObjectNode spec = filter.putObject("alarm");
    if (alarm.description() != null) {
      spec.put("description", alarm.description());
    }
    spec.put("threshold", alarm.threshold());
    spec.put("comparison", alarm.comparison());
    spec.put("statistic", alarm.statistic());
    spec.put("periodSeconds", alarm.periodSeconds());
    spec.put("evaluationPeriods", alarm.evaluationPeriods());
    spec.put("treatMissingData", alarm.treatMissingData());
    if (!alarm.actions().isEmpty()) {
      ArrayNode actions = spec.putArray("actions");
      alarm.actions().forEach(actions::add);
    }
  }

  /**
   * A DNS-1123 label from the group name ({@code /shop/web-api} -> {@code shop-web-api}), made unique among those
   * already given with a hash of the group name.
   */
  static String uniqueName(String groupName, Set<String> taken) {
    String base = groupName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "log-group";
    }
    String name = base.length() > MAX_NAME ? base.substring(0, MAX_NAME).replaceAll("-+$", "") : base;
    if (!taken.add(name)) {
      String suffix = "-" + sha256(groupName).substring(0, 8);
      name = (base.length() > MAX_NAME - suffix.length() ? base.substring(0, MAX_NAME - suffix.length()) : base)
          .replaceAll("-+$", "") + suffix;
      taken.add(name);
    }
    return name;
  }

  private static String abbreviated(String text) {
    String quoted = "\"" + text + "\"";
    return quoted.length() <= 60 ? quoted : quoted.substring(0, 57) + "...";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
