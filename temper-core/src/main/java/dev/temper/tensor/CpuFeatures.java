package dev.temper.tensor;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses OpenBLAS's kernels before the library loads.
 *
 * <p>Why: OpenBLAS (0.3.19 to 0.3.31) picks its AVX2 "Haswell" kernels on AMD Zen 4/5 CPUs even though they
 * support AVX-512; forcing {@code OPENBLAS_CORETYPE=SkylakeX} nearly doubled float32 GEMM there (about 380 instead
 * of 205 GFLOP/s on 2 threads, see shared/peers/RESULTS.md). OpenBLAS reads that variable once, in its library
 * constructor, so it must be in the process environment before the library is loaded; Java cannot change its own
 * environment, hence a call to libc's {@code setenv} through JNA.
 *
 * <p>Forcing SkylakeX kernels on a CPU without AVX-512 kills the process with SIGILL, so they are chosen only when
 * {@code /proc/cpuinfo} lists every AVX-512 subset those kernels use (F, BW, DQ, VL, CD). An {@code OPENBLAS_CORETYPE}
 * already in the environment that names one of OpenBLAS's AVX2-or-older kernel sets (the development machine's
 * environment sets {@code Haswell} for every process) is taken as a floor, not a ceiling, and raised to SkylakeX on
 * such a CPU; one that names an AVX-512 set is kept. Whoever wants a given
 * kernel set whatever the CPU sets {@code TEMPER_OPENBLAS_CORETYPE} (or {@code -Dtemper.openblas.coretype}) to its
 * name, or to {@code openblas} to leave the choice to OpenBLAS and {@code OPENBLAS_CORETYPE}.
 */
final class CpuFeatures {
    /** The AVX-512 subsets OpenBLAS's SkylakeX target is compiled for. */
    static final Set<String> SKYLAKEX_FLAGS = Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd");

    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private CpuFeatures() {}

    /** CPU flags from /proc/cpuinfo; empty where that file does not exist (not Linux). */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no cpuinfo: assume nothing
        }
        return Set.of();
    }

    /**
     * OpenBLAS's x86-64 kernel sets that use at most AVX2 (names as its {@code OPENBLAS_CORETYPE} takes them, lower
     * case): a setting among these is raised to SkylakeX on an AVX-512 CPU.
     */
    static final Set<String> PRE_AVX512_CORES = Set.of("katmai", "coppermine", "northwood", "prescott", "banias",
            "atom", "core2", "penryn", "dunnington", "nehalem", "sandybridge", "haswell", "zen", "athlon", "opteron",
            "opteron_sse3", "barcelona", "bobcat", "bulldozer", "piledriver", "steamroller", "excavator");

    /**
     * The core type to force, or null to leave the environment as it is.
     *
     * @param openBlasSetting the environment's {@code OPENBLAS_CORETYPE}, or null
     * @param temperSetting {@code TEMPER_OPENBLAS_CORETYPE} (or the system property), or null: a kernel set's name
     *     forces it; {@code openblas} forces nothing
     */
    static String coreTypeToForce(Set<String> flags, String openBlasSetting, String temperSetting) {
        if (temperSetting != null && !temperSetting.isBlank()) {
            String wanted = temperSetting.trim();
            return wanted.equalsIgnoreCase("openblas") ? null : wanted;
        }
        if (!flags.containsAll(SKYLAKEX_FLAGS)) {
            return null;
        }
        boolean unset = openBlasSetting == null || openBlasSetting.isBlank();
        return unset || PRE_AVX512_CORES.contains(openBlasSetting.trim().toLowerCase(Locale.ROOT)) ? "SkylakeX" : null;
    }

    /** {@code TEMPER_OPENBLAS_CORETYPE}, the system property {@code temper.openblas.coretype} winning over it. */
    static String temperSetting() {
        String property = System.getProperty("temper.openblas.coretype");
        return property != null ? property : System.getenv("TEMPER_OPENBLAS_CORETYPE");
    }

    /**
     * Sets OPENBLAS_CORETYPE (when the CPU supports better kernels than OpenBLAS would pick) and
     * OPENBLAS_NUM_THREADS in the process environment. Returns the forced core type, or null.
     */
    static String prepareOpenBlasEnvironment(int threads) {
        String core = coreTypeToForce(cpuFlags(), System.getenv("OPENBLAS_CORETYPE"), temperSetting());
        try {
            CLibrary libc = Native.load("c", CLibrary.class);
            if (core != null) {
                libc.setenv("OPENBLAS_CORETYPE", core, 1);
            }
            libc.setenv("OPENBLAS_NUM_THREADS", Integer.toString(threads), 1);
            if (System.getenv("OPENBLAS_THREAD_TIMEOUT") == null) {
                // OpenBLAS's idle threads spin for 2^28 cycles (about 0.1 s) after each GEMM by default, taking
                // the cores from temper's own kernel threads that run next: the MLP epoch was 4.4 s with the
                // default and 3.3 s with 2^4 cycles (OPENBLAS_THREAD_TIMEOUT=4, its minimum), measured here.
                libc.setenv("OPENBLAS_THREAD_TIMEOUT", "4", 1);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null; // no libc through JNA: OpenBLAS keeps its own choice
        }
        return core;
    }
}
