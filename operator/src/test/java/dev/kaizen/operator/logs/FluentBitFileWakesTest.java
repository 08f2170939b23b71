package dev.kaizen.operator.logs;

import static dev.kaizen.operator.testing.LogPipelines.logPipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.operator.api.v1alpha1.logs.LogPipeline;
import dev.kaizen.operator.logs.fluentbit.FluentBitConfigRenderer;
import dev.kaizen.operator.logs.fluentbit.FluentBitFormat;
import dev.kaizen.operator.logs.fluentbit.FluentBitPipeline;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which pipelines an event on the Fluent Bit ConfigMap wakes: none for the operator's own writes. */
class FluentBitFileWakesTest {
  private static final String KEY = "shop.yaml";
  private static final List<LogPipeline> SHOP = IntStream.range(0, 5)
      .mapToObj(i -> logPipeline("shop", "p" + i).pods("app", "p" + i).build()).toList();

  /** The ConfigMap as the watch's cache holds it: null when deleted. */
  private Map<String, String> cached = new HashMap<>();
  private final Map<String, Optional<String>> expected = new HashMap<>();
  private FluentBitFileWakes wakes;

  @BeforeEach
  void sawTheFirstVersion() {
    wakes = new FluentBitFileWakes(id -> Optional.ofNullable(cached).map(data -> new ConfigMapBuilder()
        .withNewMetadata().withName("kaizen-fluent-bit").withNamespace("logging").endMetadata().withData(data).build()),
        namespace -> namespace.equals("shop") ? SHOP : List.of(), key -> Optional.ofNullable(expected.get(key)),
        FluentBitFormat.YAML);
    cached.put(KEY, file(0, 1, 2, 3, 4));
    cached.put("someone-else.conf", "[OUTPUT]\n");
    assertThat(event()).as("first sight").isEmpty();
  }

  private static String file(int... pipelines) {
    return FluentBitConfigRenderer.render(IntStream.of(pipelines).mapToObj(i -> FluentBitPipeline.of("shop", "p" + i,
        Map.of("app", "p" + i), "eu-west-1", "/shop/p" + i)).toList(), FluentBitFormat.YAML);
  }

  private List<String> event() {
    ConfigMap any = new ConfigMapBuilder().withNewMetadata().withName("kaizen-fluent-bit").withNamespace("logging")
        .endMetadata().build();
    return wakes.toPrimaryResourceIDs(any).stream().map(ResourceID::getName).sorted().toList();
  }

  private void set(String key, String value) {
    cached = new HashMap<>(cached);
    cached.put(key, value);
  }

  @Test
  void theOperatorsOwnWriteWakesNobody() {
    expected.put(KEY, Optional.of(file(0, 1, 2, 3)));
    set(KEY, file(0, 1, 2, 3));
    assertThat(event()).isEmpty();
  }

  @Test
  void aHandEditWakesThePipelinesWhosePartItChanged() {
    expected.put(KEY, Optional.of(file(0, 1, 2, 3, 4)));
    set(KEY, file(0, 1, 3, 4));
    assertThat(event()).containsExactly("p2");
    // Someone else's key is none of ours.
    set("someone-else.conf", "[OUTPUT]\n    Name stdout\n");
    assertThat(event()).isEmpty();
  }

  @Test
  void anEditOfTheSharedRoutingOrTheKeyDeletedWakesTheNamespace() {
    expected.put(KEY, Optional.of(file(0, 1, 2, 3, 4)));
    set(KEY, file(0, 1, 2, 3, 4).replace("emitter_name: 'kaizen.shop.emitter'", "emitter_name: 'x'"));
    assertThat(event()).containsExactly("p0", "p1", "p2", "p3", "p4");
    cached = null;
    assertThat(event()).containsExactly("p0", "p1", "p2", "p3", "p4");
  }

  @Test
  void withoutAWriteOfItsOwnSinceStartingItComparesWithTheVersionBefore() {
    set(KEY, file(0, 1, 2, 4));
    assertThat(event()).containsExactly("p3");
  }
}
