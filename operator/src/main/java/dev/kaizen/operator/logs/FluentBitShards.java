package dev.kaizen.operator.logs;

import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the Fluent Bit files live: {@code count} ConfigMaps in Fluent Bit's namespace, each namespace's file in the
 * shard a hash of the namespace picks. The set of names is fixed, so the DaemonSet mounts them all once (a projected
 * volume of optional ConfigMaps) and includes {@code <dir>/*.yaml}: adding a namespace never touches the DaemonSet.
 * With one shard the ConfigMap keeps its plain name.
 *
 * @param namespace Fluent Bit's namespace
 * @param baseName the ConfigMap name, or the shards' common prefix
 */
public record FluentBitShards(String namespace, String baseName, int count, FluentBitFormat format) {
  /**
   * Kubernetes refuses a ConfigMap whose keys and values ({@code data} and {@code binaryData}) add up to more than
   * 1 MiB (ValidateConfigMap, {@code MaxSecretSize}).
   */
  public static final long MAX_DATA_BYTES = 1024 * 1024;

  public FluentBitShards {
    if (count < 1) {
      throw new IllegalArgumentException("at least one shard");
    }
  }

  /** The ConfigMap holding the file of the pipelines of {@code pipelineNamespace}. */
  public String configMapFor(String pipelineNamespace) {
    return count == 1 ? baseName : baseName + "-" + shardOf(pipelineNamespace);
  }

  public List<String> configMaps() {
    return count == 1 ? List.of(baseName) : IntStream.range(0, count).mapToObj(i -> baseName + "-" + i).toList();
  }

  /** A stable hash: the same namespace lands in the same shard on every run and every replica. */
  int shardOf(String pipelineNamespace) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(pipelineNamespace.getBytes(StandardCharsets.UTF_8));
      int head = ((digest[0] & 0xFF) << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8) | (digest[3] & 0xFF);
      return Integer.remainderUnsigned(head, count);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }

  /** The namespace a file key belongs to: keys are {@code <namespace>.<extension>}. */
  static String namespaceOf(String key) {
    return key.substring(0, key.indexOf('.'));
  }
}
