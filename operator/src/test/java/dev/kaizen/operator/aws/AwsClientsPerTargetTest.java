package dev.kaizen.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsServiceClientConfiguration;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Real SDK clients per target, each signed with its account's own credentials, against a local HTTP server that
 * records what each request was signed with (the access key id in {@code Authorization}).
 */
class AwsClientsPerTargetTest {
  private static final String ENDPOINT_PROPERTY = "aws.endpointUrl";
  private static final AwsTarget DEFAULT_IRELAND = AwsTarget.of(Region.EU_WEST_1);
  private static final AwsTarget PROD_IRELAND = new AwsTarget("shop-prod", Region.EU_WEST_1);
  private static final String EMPTY = "{\"logGroups\":[]}";

  /** Account binding -> the access key its credentials currently use; changed by a test as AwsAccount would. */
  private final Map<String, String> accessKeys = new ConcurrentHashMap<>(Map.of(
      AwsTarget.DEFAULT_ACCOUNT, "AKIDOPERATOR", "shop-prod", "AKIDSHOPPROD"));
  private final List<String> credentialsAskedFor = new CopyOnWriteArrayList<>();
  private final CredentialsSource source = account -> {
    credentialsAskedFor.add(account);
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeys.get(account), "secret"));
  };
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty(ENDPOINT_PROPERTY);
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void twoTargetsGetDistinctClientsSignedWithTheirOwnAccountsCredentials() throws IOException {
    RawHttpServer server = serverAnswering(2);
    SdkAwsClients clients = clients();

    CloudWatchLogsClient operators = clients.client(DEFAULT_IRELAND, CloudWatchLogsClient.class);
    CloudWatchLogsClient prods = clients.client(PROD_IRELAND, CloudWatchLogsClient.class);
    operators.describeLogGroups();
    prods.describeLogGroups();

    assertThat(operators).isNotSameAs(prods);
    assertThat(server.header(0, "Authorization")).contains("Credential=AKIDOPERATOR/");
    assertThat(server.header(1, "Authorization")).contains("Credential=AKIDSHOPPROD/");
  }

  @Test
  void theSameTargetGetsTheClientBuiltBefore() throws IOException {
    serverAnswering(3);
    SdkAwsClients clients = clients();

    CloudWatchLogsClient first = clients.client(DEFAULT_IRELAND, CloudWatchLogsClient.class);
    first.describeLogGroups();
    CloudWatchLogsClient again = clients.client(AwsTarget.of(Region.EU_WEST_1), CloudWatchLogsClient.class);
    again.describeLogGroups();
    again.describeLogGroups();

    assertThat(again).isSameAs(first);
    assertThat(credentialsAskedFor).containsExactly(AwsTarget.DEFAULT_ACCOUNT); // built once
    assertThat(clients.client(AwsTarget.of(Region.US_EAST_1), CloudWatchLogsClient.class)).isNotSameAs(first);
  }

  @Test
  void evictingAnAccountRebuildsItsClientsWithItsNewCredentialsAndLeavesOthersAlone() throws IOException {
    RawHttpServer server = serverAnswering(4);
    SdkAwsClients clients = clients();
    CloudWatchLogsClient prods = clients.client(PROD_IRELAND, CloudWatchLogsClient.class);
    CloudWatchLogsClient operators = clients.client(DEFAULT_IRELAND, CloudWatchLogsClient.class);
    prods.describeLogGroups();
    operators.describeLogGroups();

    accessKeys.put("shop-prod", "AKIDNEWROLE"); // the binding's role changed
    clients.evict("shop-prod");
    prods.describeLogGroups(); // through the handle a gateway kept
    operators.describeLogGroups();

    assertThat(server.header(2, "Authorization")).contains("Credential=AKIDNEWROLE/");
    assertThat(server.header(3, "Authorization")).contains("Credential=AKIDOPERATOR/");
    assertThat(credentialsAskedFor).containsExactly("shop-prod", AwsTarget.DEFAULT_ACCOUNT, "shop-prod");
  }

  @Test
  void rebindingAsksTheSourceAgainOnlyAtTheNextCall() {
    List<String> handedOut = new CopyOnWriteArrayList<>();
    var rebindable = new RebindableCredentials(() -> {
      String key = "AKID" + handedOut.size();
      handedOut.add(key);
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, "secret"));
    });
    assertThat(handedOut).isEmpty(); // asked lazily
    assertThat(rebindable.resolveCredentials().accessKeyId()).isEqualTo("AKID0");
    assertThat(rebindable.resolveCredentials().accessKeyId()).isEqualTo("AKID0");
    assertThat(handedOut).hasSize(1);

    rebindable.rebind();
    assertThat(handedOut).hasSize(1); // not before it is needed
    assertThat(rebindable.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
  }

  @Test
  void aClientIsTheSdkClientItselfNotAProxy() {
    CloudWatchLogsClient client = clients().client(PROD_IRELAND, CloudWatchLogsClient.class);
    // A JDK proxy of a client interface loads every model class the interface names (ClassMetadataProbe).
    assertThat(java.lang.reflect.Proxy.isProxyClass(client.getClass())).isFalse();
  }

  @Test
  void aGlobalServicesClientIsBuiltForTheGlobalRegionAndSharedByEveryRegionOfTheAccount() {
    SdkAwsClients clients = clients();

    Route53Client fromIreland = clients.client(DEFAULT_IRELAND, Route53Client.class);
    Route53Client fromVirginia = clients.client(AwsTarget.of(Region.US_EAST_1), Route53Client.class);

    assertThat(fromVirginia).isSameAs(fromIreland);
    assertThat(fromIreland.serviceClientConfiguration().region()).isEqualTo(Region.AWS_GLOBAL);
    assertThat(clients.client(PROD_IRELAND, Route53Client.class)).isNotSameAs(fromIreland);
    assertThat(ClientRegions.regionFor(Route53Client.class, Region.CN_NORTH_1)).isEqualTo(Region.AWS_CN_GLOBAL);
    assertThat(ClientRegions.regionFor(CloudWatchLogsClient.class, Region.EU_WEST_1)).isEqualTo(Region.EU_WEST_1);
  }

  @Test
  void everyClientHasTheTimeouts() {
    SdkAwsClients clients = clients();

    var route53 = clients.client(DEFAULT_IRELAND, Route53Client.class).serviceClientConfiguration();
    CloudWatchLogsServiceClientConfiguration logs =
        clients.client(DEFAULT_IRELAND, CloudWatchLogsClient.class).serviceClientConfiguration();

    for (var override : List.of(route53.overrideConfiguration(), logs.overrideConfiguration())) {
      assertThat(override.apiCallTimeout()).contains(SdkAwsClients.Timeouts.DEFAULT.apiCall());
      assertThat(override.apiCallAttemptTimeout()).contains(SdkAwsClients.Timeouts.DEFAULT.apiCallAttempt());
    }
  }

  @Test
  void anAccountNoOneBoundHasNoCredentials() {
    AwsCredentialsProvider operators = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s"));
    CredentialsSource operatorOnly = CredentialsSource.operatorOnly(operators);

    assertThat(operatorOnly.credentialsFor(AwsTarget.DEFAULT_ACCOUNT)).isSameAs(operators);
    assertThatThrownBy(() -> operatorOnly.credentialsFor("shop-prod"))
        .hasMessage("No credentials are bound to the AWS account binding 'shop-prod'.");
  }

  private SdkAwsClients clients() {
    SdkAwsClients clients = new SdkAwsClients(source, SdkAwsClients.Timeouts.DEFAULT);
    toClose.add(clients);
    return clients;
  }

  private RawHttpServer serverAnswering(int requests) throws IOException {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
    RawHttpServer server = new RawHttpServer(
        IntStream.range(0, requests).mapToObj(i -> new RawHttpServer.Answer(200, date, EMPTY)).toList());
    toClose.add(server);
    System.setProperty(ENDPOINT_PROPERTY, "http://127.0.0.1:" + server.port());
    return server;
  }
}
