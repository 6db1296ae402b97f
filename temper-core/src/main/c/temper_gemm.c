/*
 * temper's JNI shim for GEMM on Java arrays without copies.
 *
 * Why it exists: JavaCPP's calls take native pointers, so every operand had to be copied from its Java array
 * to off-heap memory and the result back (about 15 GB/s, a quarter to a third of the GEMM time at the MLP's
 * shapes). GetPrimitiveArrayCritical hands native code the array's own memory instead: HotSpot pins it by
 * holding off garbage collection until the matching release, so the region must be short and must not call
 * back into the JVM; one GEMM call is both.
 *
 * The shim links to nothing: it calls cblas_sgemm / cblas_dgemm of the OpenBLAS that JavaCPP has already loaded,
 * through function addresses the Java side looks up and passes in. Java checks every shape, leading dimension
 * and array bound before calling (dev.temper.tensor.GemmArguments); nothing here reads past what it was told.
 */
#include <jni.h>
#include <stdint.h>

#include "dev_temper_tensor_NativeGemm.h"

/* The CBLAS enumerations (cblas.h): row-major storage, no transpose, transpose. */
enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

typedef void (*sgemm_fn)(int order, int trans_a, int trans_b, int m, int n, int k,
                         float alpha, const float *a, int lda, const float *b, int ldb,
                         float beta, float *c, int ldc);
typedef void (*dgemm_fn)(int order, int trans_a, int trans_b, int m, int n, int k,
                         double alpha, const double *a, int lda, const double *b, int ldb,
                         double beta, double *c, int ldc);

static void throw_out_of_memory(JNIEnv *env) {
    jclass error = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
    if (error != NULL) {
        (*env)->ThrowNew(env, error, "temper GEMM shim: GetPrimitiveArrayCritical returned NULL");
    }
}

/* Pins the three arrays; on failure releases what it pinned and returns 0 (C last, written back only on success). */
static int pin(JNIEnv *env, jarray a, jarray b, jarray c, void **pa, void **pb, void **pc) {
    *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    *pb = *pa == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    *pc = *pb == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, c, NULL);
    if (*pc != NULL) {
        return 1;
    }
    if (*pb != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, b, *pb, JNI_ABORT);
    }
    if (*pa != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, a, *pa, JNI_ABORT);
    }
    return 0;
}

/* C is released (written back, where the JVM made a copy) before the inputs: JNI wants reverse order. */
static void unpin(JNIEnv *env, jarray a, jarray b, jarray c, void *pa, void *pb, void *pc) {
    (*env)->ReleasePrimitiveArrayCritical(env, c, pc, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
}

JNIEXPORT void JNICALL Java_dev_temper_tensor_NativeGemm_sgemm(
        JNIEnv *env, jclass cls, jlong function, jboolean trans_a, jboolean trans_b, jint m, jint n, jint k,
        jfloat alpha, jfloatArray a, jint a_offset, jint lda, jfloatArray b, jint b_offset, jint ldb,
        jfloat beta, jfloatArray c, jint c_offset, jint ldc) {
    (void) cls;
    void *pa, *pb, *pc;
    if (!pin(env, a, b, c, &pa, &pb, &pc)) {
        throw_out_of_memory(env);
        return;
    }
    ((sgemm_fn) (intptr_t) function)(ROW_MAJOR, trans_a ? TRANS : NO_TRANS, trans_b ? TRANS : NO_TRANS, m, n, k,
            alpha, (const float *) pa + a_offset, lda, (const float *) pb + b_offset, ldb,
            beta, (float *) pc + c_offset, ldc);
    unpin(env, a, b, c, pa, pb, pc);
}

JNIEXPORT void JNICALL Java_dev_temper_tensor_NativeGemm_dgemm(
        JNIEnv *env, jclass cls, jlong function, jboolean trans_a, jboolean trans_b, jint m, jint n, jint k,
        jdouble alpha, jdoubleArray a, jint a_offset, jint lda, jdoubleArray b, jint b_offset, jint ldb,
        jdouble beta, jdoubleArray c, jint c_offset, jint ldc) {
    (void) cls;
    void *pa, *pb, *pc;
    if (!pin(env, a, b, c, &pa, &pb, &pc)) {
        throw_out_of_memory(env);
        return;
    }
    ((dgemm_fn) (intptr_t) function)(ROW_MAJOR, trans_a ? TRANS : NO_TRANS, trans_b ? TRANS : NO_TRANS, m, n, k,
            alpha, (const double *) pa + a_offset, lda, (const double *) pb + b_offset, ldb,
            beta, (double *) pc + c_offset, ldc);
    unpin(env, a, b, c, pa, pb, pc);
}
