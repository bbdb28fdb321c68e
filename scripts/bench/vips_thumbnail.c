/* libvips on the same job: vips_thumbnail_buffer (shrink-on-load), then JPEG quality 75 with
 * metadata stripped; one worker thread and no operation cache, so each round does the whole work.
 * Prints engine, file, ms per image, output size and bytes, tab-separated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <vips/vips.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* One render; returns 0 and fills the output's bytes and size, or -1 with vips' error set. */
static int render(const char *data, size_t length, int size, size_t *bytes, int *w, int *h) {
    VipsImage *thumb;
    void *jpeg;
    if (vips_thumbnail_buffer((void *) data, length, &thumb, size, "height", size, NULL))
        return -1;
    int failed = vips_jpegsave_buffer(thumb, &jpeg, bytes, "Q", 75, "strip", TRUE, NULL);
    if (!failed) {
        *w = thumb->Xsize;
        *h = thumb->Ysize;
        g_free(jpeg);
    }
    g_object_unref(thumb);
    return failed ? -1 : 0;
}

int main(int argc, char **argv) {
    if (VIPS_INIT(argv[0]) || argc < 4) {
        fprintf(stderr, "usage: %s SIZE ROUNDS IMAGE...\n", argv[0]);
        return 2;
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    int size = atoi(argv[1]), rounds = atoi(argv[2]);
    for (int i = 3; i < argc; i++) {
        gchar *data;
        gsize length;
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        if (!g_file_get_contents(argv[i], &data, &length, NULL)) {
            printf("vips\t%s\tunreadable\n", name);
            continue;
        }
        size_t bytes = 0;
        int w = 0, h = 0;
        if (render(data, length, size, &bytes, &w, &h)) {
            printf("vips\t%s\tfailed: %s\n", name, vips_error_buffer());
            vips_error_clear();
        } else {
            double start = seconds();
            for (int r = 0; r < rounds; r++)
                render(data, length, size, &bytes, &w, &h);
            printf("vips\t%s\t%.1f ms\t%dx%d\t%zu B\n", name, (seconds() - start) * 1000 / rounds, w, h, bytes);
        }
        g_free(data);
    }
    return 0;
}
