package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuotaTableTest {
  @Test
  void everyQuotaCitesAnAwsPage() {
    assertThat(QuotaTable.all()).allSatisfy(q -> {
      assertThat(q.source()).startsWith("https://docs.aws.amazon.com/");
      assertThat(q.requestsPerSecond()).isPositive();
    });
  }

  /** A bucket shared by a whole service is created by whichever operation comes first: they must agree. */
  @Test
  void theOperationsOfAServiceWideQuotaAgreeOnItsFigureAndScope() {
    Map<String, List<Quota>> byService = QuotaTable.all().stream().collect(Collectors.groupingBy(Quota::service));
    byService.forEach((service, quotas) -> {
      if (quotas.stream().anyMatch(q -> q.scope() == QuotaScope.CATEGORY_PER_REGION)) {
        // One bucket per category: the operations of a category agree on its figure; every one is categorized.
        assertThat(quotas).as(service).allSatisfy(q -> assertThat(q.scope()).isEqualTo(QuotaScope.CATEGORY_PER_REGION));
        quotas.stream().collect(Collectors.groupingBy(q -> QuotaScope.category(q.operation()))).forEach((c, same) ->
            assertThat(same).as(service + " " + c).extracting(Quota::requestsPerSecond, Quota::source)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(same.get(0).requestsPerSecond(),
                    same.get(0).source())));
        return;
      }
      if (quotas.stream().anyMatch(q -> q.scope() != QuotaScope.OPERATION_PER_REGION)) {
        assertThat(quotas).as(service).extracting(Quota::scope, Quota::requestsPerSecond, Quota::source)
            .containsOnly(org.assertj.core.groups.Tuple.tuple(quotas.get(0).scope(), quotas.get(0).requestsPerSecond(),
                quotas.get(0).source()));
      }
    });
    assertThat(byService).containsKey("Route53");
  }
}
