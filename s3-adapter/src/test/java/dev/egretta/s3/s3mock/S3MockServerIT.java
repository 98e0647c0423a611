package dev.egretta.s3.s3mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(S3MockExtension.class)
class S3MockServerIT {

  @Test
  void listensOnLoopbackOnly(S3MockServer server) throws IOException {
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.httpPort()), 2000);
      assertThat(loopback.isConnected()).isTrue();
    }
    Optional<InetAddress> external = externalAddress();
    Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to probe");
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(external.get(), server.httpPort()), 2000);
      }
    }).as("S3Mock must not be reachable on " + external.get()).isInstanceOf(IOException.class);
  }

  private static Optional<InetAddress> externalAddress() throws SocketException {
    for (NetworkInterface nic : List.copyOf(NetworkInterface.networkInterfaces().toList())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      Optional<InetAddress> address = nic.inetAddresses()
          .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
      if (address.isPresent()) {
        return address;
      }
    }
    return Optional.empty();
  }
}
