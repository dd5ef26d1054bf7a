package com.towerco.app.cli;

import com.towerco.platform.http.auth.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code towerco hash-password}: reads a password (from the terminal without echo, or one line
 * of standard input) and prints the {@code password_hash} to put in the users file.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
    description = "Print the password_hash of a password for the users file (--users).")
public final class HashPasswordCommand implements Callable<Integer> {
  @Override
  public Integer call() throws IOException {
    Console console = System.console();
    char[] password;
    if (console != null) {
      password = console.readPassword("password: ");
    } else {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password == null || password.length < 8) {
      System.err.println("a password needs at least 8 characters");
      return 2;
    }
    System.out.println(PasswordHasher.hash(password));
    return 0;
  }
}
