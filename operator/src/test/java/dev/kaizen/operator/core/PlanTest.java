package dev.kaizen.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

  /** A tiny store standing in for a kind's ports: named objects, and a log of the calls in order. */
  static final class Store {
    final Map<String, String> objects = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();

    void put(String name, String value) {
      calls.add("put " + name);
      objects.put(name, value);
    }

    /** Whether there was something to delete. */
    boolean delete(String name) {
      calls.add("delete " + name);
      return objects.remove(name) != null;
    }

    void fail(String name) {
      calls.add("fail " + name);
      throw new IllegalStateException("refused: " + name);
    }
  }

  private static Change<Store> create(String name) {
    return Change.of(Effect.CREATE, "CreateThing", name, "absent", store -> store.put(name, "v1"));
  }

  private static Change<Store> update(String name) {
    return Change.of(Effect.UPDATE, "PutThing", name, "v1 -> v2", store -> store.put(name, "v2"));
  }

  /** Deleting what is already gone reaches the goal and did nothing: the action says so. */
  private static Change<Store> delete(String name) {
    return Change.reporting(Effect.DELETE, "DeleteThing", name, "removed from spec",
        store -> store.delete(name) ? Happened.DELETED : Happened.NOTHING);
  }

  private static Change<Store> failing(String name) {
    return Change.of(Effect.UPDATE, "BreakThing", name, "always fails", store -> store.fail(name));
  }

  @Test
  void describesEachChangeAsOneLineInPlanOrder() {
    var plan = new Plan<>(List.of(create("a"), update("b"), delete("c")));

    assertThat(plan.describe()).containsExactly(
        "CreateThing a: absent", "PutThing b: v1 -> v2", "DeleteThing c: removed from spec");
    assertThat(plan.size()).isEqualTo(3);
    assertThat(Plan.<Store>empty().isEmpty()).isTrue();
  }

  @Test
  void appliesInOrderAndSaysWhatEachChangeDid() {
    var store = new Store();
    store.objects.put("old", "v0");
    var plan = new Plan<>(List.of(create("a"), update("a"), delete("old"), delete("never-there")));

    List<Applied<Store>> applied = plan.applyTo(store);

    assertThat(store.calls).containsExactly("put a", "put a", "delete old", "delete never-there");
    assertThat(applied).extracting(Applied::change).containsExactlyElementsOf(plan.changes());
    assertThat(applied).extracting(Applied::happened)
        .containsExactly(Happened.CREATED, Happened.UPDATED, Happened.DELETED, Happened.NOTHING);
    assertThat(applied).filteredOn(Applied::tookEffect).extracting(Applied::describe)
        .containsExactly("CreateThing a: absent", "PutThing a: v1 -> v2", "DeleteThing old: removed from spec");
  }

  @Test
  void stopsAtTheFirstFailureNamingItAndKeepingWhatTheEarlierChangesDid() {
    var store = new Store();
    store.objects.put("old", "v0");
    var plan = new Plan<>(List.of(delete("old"), create("a"), failing("b"), update("c")));

    assertThatThrownBy(() -> plan.applyTo(store))
        .isInstanceOfSatisfying(ChangeFailedException.class, failed -> {
          assertThat(failed.change()).isEqualTo(failing("b"));
          assertThat(failed).hasMessage("BreakThing b: always fails failed")
              .hasCauseInstanceOf(IllegalStateException.class);
          assertThat(failed.appliedBefore()).extracting(Applied::describe)
              .containsExactly("DeleteThing old: removed from spec", "CreateThing a: absent");
          assertThat(failed.appliedBefore()).extracting(Applied::happened)
              .containsExactly(Happened.DELETED, Happened.CREATED);
        });
    assertThat(store.calls).containsExactly("delete old", "put a", "fail b");
    assertThat(store.objects).containsOnlyKeys("a");
  }

  @Test
  void aFailureOnTheFirstChangeKeepsNoResults() {
    var plan = new Plan<>(List.of(failing("x"), create("a")));
    assertThatThrownBy(() -> plan.applyTo(new Store()))
        .isInstanceOfSatisfying(ChangeFailedException.class,
            failed -> assertThat(failed.appliedBefore()).isEmpty());
  }

  @Test
  void aChangeIsItsLineAndEffectNotItsCode() {
    Change<Store> one = Change.of(Effect.UPDATE, "PutThing", "a", "v1 -> v2", store -> store.put("a", "v2"));
    Change<Store> same = Change.of(Effect.UPDATE, "PutThing", "a", "v1 -> v2", store -> store.put("a", "v2"));

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one).isNotEqualTo(Change.<Store>of(Effect.CREATE, "PutThing", "a", "v1 -> v2", store -> {}));
    assertThat(one).isNotEqualTo(Change.<Store>of(Effect.UPDATE, "PutThing", "a", "absent", store -> {}));
    assertThat(one.describe()).isEqualTo("PutThing a: v1 -> v2");
    assertThat(one.effect()).isEqualTo(Effect.UPDATE);
  }

  @Test
  void anActionThatReportsNothingAtAllIsAnError() {
    Change<Store> silent = Change.reporting(Effect.CREATE, "CreateThing", "a", "absent", store -> null);
    assertThatThrownBy(() -> silent.applyTo(new Store())).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("CreateThing a: absent");
  }
}
