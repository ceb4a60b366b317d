// What ./tfj-shell runs at start, after jshell's DEFAULT imports (java.util.*, java.util.stream.*, ...).
import dev.tfj.*;
import dev.tfj.errors.*;
