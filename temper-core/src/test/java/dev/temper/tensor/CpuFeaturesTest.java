package dev.temper.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {

    private static final Set<String> ZEN4 = Set.of("sse2", "avx", "avx2", "fma",
            "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd", "avx512_bf16");

    @Test
    void forcesSkylakeXWhenEveryAvx512SubsetItNeedsIsPresent() {
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(ZEN4, null, null));
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(CpuFeatures.SKYLAKEX_FLAGS, null, null));
    }

    @Test
    void forcesNothingWhenAnyOneSubsetIsMissing() {
        for (String missing : CpuFeatures.SKYLAKEX_FLAGS) {
            Set<String> flags = new HashSet<>(ZEN4);
            flags.remove(missing);
            assertNull(CpuFeatures.coreTypeToForce(flags, null, null), "without " + missing);
        }
        assertNull(CpuFeatures.coreTypeToForce(Set.of("sse2", "avx", "avx2", "fma"), "Haswell", null));
        assertNull(CpuFeatures.coreTypeToForce(Set.of(), null, null));
    }

    @Test
    void raisesAnAvx2SettingOnAnAvx512CpuAndKeepsAnAvx512One() {
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(ZEN4, "Haswell", null));
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(ZEN4, " zen ", null));
        assertNull(CpuFeatures.coreTypeToForce(ZEN4, "SkylakeX", null));
        assertNull(CpuFeatures.coreTypeToForce(ZEN4, "Cooperlake", null));
        // an empty or blank setting is no choice at all
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(ZEN4, "", null));
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(ZEN4, "  ", null));
        // without AVX-512 an AVX2 setting stays: raising it would be SIGILL
        assertNull(CpuFeatures.coreTypeToForce(Set.of("avx2", "fma"), "Haswell", null));
    }

    @Test
    void temperSettingWinsOverEverything() {
        assertEquals("Haswell", CpuFeatures.coreTypeToForce(ZEN4, null, "Haswell"));
        assertEquals("Haswell", CpuFeatures.coreTypeToForce(ZEN4, "SkylakeX", " Haswell "));
        assertNull(CpuFeatures.coreTypeToForce(ZEN4, "Haswell", "openblas"));
        assertNull(CpuFeatures.coreTypeToForce(ZEN4, null, "OpenBLAS"));
        assertEquals("SkylakeX", CpuFeatures.coreTypeToForce(ZEN4, "Haswell", " "));
    }

    @Test
    void readsTheCpuFlagsOfThisLinuxMachine() {
        assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "no /proc/cpuinfo");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "not x86-64");
        Set<String> flags = CpuFeatures.cpuFlags();
        assertTrue(flags.contains("sse2"), "flags: " + flags); // every x86-64 CPU has SSE2
        assertTrue(flags.stream().noneMatch(f -> f.isBlank() || f.contains(":")), "flags: " + flags);
    }
}
