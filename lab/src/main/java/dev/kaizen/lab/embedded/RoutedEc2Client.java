package dev.kaizen.lab.embedded;

import java.util.function.Function;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;

/**
 * The embedded EC2 client, written out rather than a JDK proxy like the other services': defining a proxy class of
 * Ec2Client (2,107 methods) initializes every request and response class they name, about 1,400, which took 12 to 28 s
 * on a loaded 2-core machine, on the first SolrCluster's reconcile thread. It routes the operations FakeEc2 serves;
 * any other is the interface's default (UnsupportedOperationException), as FakeEc2 itself answers. Paginators and
 * consumer-builder overloads are the interface's defaults, which call these, so each page is a call of its own.
 * EmbeddedAwsTest keeps this in step with FakeEc2.
 */
final class RoutedEc2Client implements Ec2Client {
  private final EmbeddedAws.Route route;

  RoutedEc2Client(EmbeddedAws.Route route) {
    this.route = route;
  }

  @Override
  public CreateLaunchTemplateResponse createLaunchTemplate(CreateLaunchTemplateRequest request) {
    return call("createLaunchTemplate", ec2 -> ec2.createLaunchTemplate(request));
  }

  @Override
  public CreateLaunchTemplateVersionResponse createLaunchTemplateVersion(CreateLaunchTemplateVersionRequest request) {
    return call("createLaunchTemplateVersion", ec2 -> ec2.createLaunchTemplateVersion(request));
  }

  @Override
  public DescribeLaunchTemplatesResponse describeLaunchTemplates(DescribeLaunchTemplatesRequest request) {
    return call("describeLaunchTemplates", ec2 -> ec2.describeLaunchTemplates(request));
  }

  @Override
  public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
      DescribeLaunchTemplateVersionsRequest request) {
    return call("describeLaunchTemplateVersions", ec2 -> ec2.describeLaunchTemplateVersions(request));
  }

  @Override
  public DeleteLaunchTemplateResponse deleteLaunchTemplate(DeleteLaunchTemplateRequest request) {
    return call("deleteLaunchTemplate", ec2 -> ec2.deleteLaunchTemplate(request));
  }

  @Override
  public CreateTagsResponse createTags(CreateTagsRequest request) {
    return call("createTags", ec2 -> ec2.createTags(request));
  }

  @Override
  public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
    return call("describeInstances", ec2 -> ec2.describeInstances(request));
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  @SuppressWarnings("unchecked")
  private <R> R call(String method, Function<Ec2Client, R> call) {
    try {
      return (R) route.call(method, fake -> call.apply((Ec2Client) fake));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.builder().message("interrupted during the embedded latency").cause(e).build();
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
