package com.towerco.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Dockerfile's instructions (continuations joined, comments dropped), enough to check it. */
record Dockerfile(List<Instruction> instructions) {
  record Instruction(String keyword, String arguments) {}

  static Dockerfile read(Path file) throws IOException {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String text = current.toString().strip();
      int space = text.indexOf(' ');
      instructions.add(new Instruction(text.substring(0, space).toUpperCase(),
          text.substring(space + 1).strip()));
      current.setLength(0);
    }
    return new Dockerfile(instructions);
  }

  /** The instructions of the last stage (the image that runs). */
  List<Instruction> finalStage() {
    int from = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        from = i;
      }
    }
    return instructions.subList(from, instructions.size());
  }

  List<String> all(String keyword) {
    return finalStage().stream().filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments).toList();
  }

  String last(String keyword) {
    List<String> found = all(keyword);
    return found.isEmpty() ? null : found.get(found.size() - 1);
  }
}
