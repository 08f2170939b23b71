package dev.kaizen.operator.aws;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * The static {@code builder()} every SDK client interface has, reached by a method handle for that one method. Not
 * by {@code Class.getMethod}: reflection on an interface resolves the parameter and return types of all its methods,
 * which loads every request and response class of the service (EC2: ~1,800 classes) — measured, the ten clients the
 * kinds use cost ~5,000 classes and ~20 MiB of class metadata that way.
 */
final class SdkClientStatics {
  private SdkClientStatics() {}

  /** A new builder of the client: {@code Ec2Client.builder()}, of type {@code Ec2ClientBuilder}. */
  static AwsClientBuilder<?, ?> builder(Class<? extends SdkClient> type) {
    try {
      Class<?> builderType = Class.forName(type.getName() + "Builder", false, type.getClassLoader());
      return (AwsClientBuilder<?, ?>) invokeStatic(type, "builder", builderType);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalArgumentException(type.getName() + " is not an AWS SDK sync client interface", e);
    }
  }

  private static Object invokeStatic(Class<?> type, String name, Class<?> returns) {
    try {
      return MethodHandles.publicLookup().findStatic(type, name, MethodType.methodType(returns)).invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(type.getName() + " is not an AWS SDK client interface", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(type.getName() + "." + name + "() failed", e);
    }
  }
}
