package dev.kaizen.operator.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP/1.1 server on 127.0.0.1 answering scripted responses in turn, one per connection. Hand-written because
 * it must send a {@code Date} of our choosing (an AWS answer from a server whose clock differs from ours), which
 * the JDK's HttpServer always overwrites with its own clock.
 */
final class RawHttpServer implements AutoCloseable {

  record Answer(int status, String date, String json) {}

  private final ServerSocket socket;
  private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();

  RawHttpServer(List<Answer> answers) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(() -> serve(answers), "raw-http-server");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** A header of the n-th request received (0-based), names compared case-insensitively. */
  String header(int request, String name) {
    return requestHeaders.get(request).get(name.toLowerCase(Locale.ROOT));
  }

  private void serve(List<Answer> answers) {
    for (Answer answer : answers) {
      try (Socket connection = socket.accept()) {
        readRequest(connection.getInputStream());
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + answer.status() + " X\r\n"
            + "Date: " + answer.date() + "\r\n"
            + "Content-Type: application/x-amz-json-1.1\r\n"
            + "Content-Length: " + body.length + "\r\n"
            + "Connection: close\r\n\r\n";
        OutputStream out = connection.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void readRequest(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    Map<String, String> headers = new TreeMap<>();
    reader.readLine(); // request line
    for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    reader.skip(length);
    requestHeaders.add(headers);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
