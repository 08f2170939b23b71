package dev.kaizen.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * A mock Kubernetes API server (CRUD mode) with the CRDs and a kube-system namespace installed, in its own
 * process, for measuring the real {@code kaizen run} process against it. Writes a kubeconfig to the path given
 * and serves until killed. See bench/startup.sh.
 */
public final class MockApiServerMain {
  public static void main(String[] args) throws Exception {
    Path kubeconfig = Path.of(args.length > 0 ? args[0] : "kubeconfig");
    var server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()), false);
    server.init();
    try (var client = server.createClient()) {
      for (var kind : dev.kaizen.operator.api.v1alpha1.Kinds.ALL) {
        CustomResourceDefinition crd = dev.kaizen.operator.api.v1alpha1.Kinds.crd(kind);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      }
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kube-system")
          .withUid("bench-cluster").endMetadata().build()).create();
      Config config = client.getConfiguration();
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters:
          - name: mock
            cluster: {server: "%s", insecure-skip-tls-verify: true}
          users:
          - name: mock
            user: {token: mock}
          contexts:
          - name: mock
            context: {cluster: mock, user: mock, namespace: default}
          current-context: mock
          """.formatted(config.getMasterUrl()));
      System.out.println("mock API server at " + config.getMasterUrl() + ", kubeconfig " + kubeconfig);
      Thread.currentThread().join();
    }
  }
}
