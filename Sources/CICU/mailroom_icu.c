/* Charset conversion to UTF-8 through ucnv, with a small per-thread converter cache. */
#include "mailroom_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#define MR_CACHE_SLOTS 4
#define MR_NAME_MAX 64

typedef struct {
    char names[MR_CACHE_SLOTS][MR_NAME_MAX];
    UConverter *converters[MR_CACHE_SLOTS];
    int next;
} mr_converter_cache;

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_destroy(void *value) {
    mr_converter_cache *cache = value;
    if (cache == NULL) return;
    for (int i = 0; i < MR_CACHE_SLOTS; i++) {
        if (cache->converters[i] != NULL) ucnv_close(cache->converters[i]);
    }
    free(cache);
}

static void cache_init(void) { pthread_key_create(&cache_key, cache_destroy); }

static mr_converter_cache *thread_cache(void) {
    pthread_once(&cache_once, cache_init);
    mr_converter_cache *cache = pthread_getspecific(cache_key);
    if (cache == NULL) {
        cache = calloc(1, sizeof(mr_converter_cache));
        if (cache == NULL) return NULL;
        pthread_setspecific(cache_key, cache);
    }
    return cache;
}

/* Returns this thread's converter for `label`, opening it on first use. NULL if unknown. */
static UConverter *converter_for(const char *label, UErrorCode *status) {
    mr_converter_cache *cache = thread_cache();
    size_t labelLength = strlen(label);
    if (cache != NULL && labelLength < MR_NAME_MAX) {
        for (int i = 0; i < MR_CACHE_SLOTS; i++) {
            if (cache->converters[i] != NULL && strcmp(cache->names[i], label) == 0) {
                ucnv_reset(cache->converters[i]);
                return cache->converters[i];
            }
        }
    }
    UConverter *converter = ucnv_open(label, status);
    if (U_FAILURE(*status) || converter == NULL) return NULL;
    if (cache == NULL || labelLength >= MR_NAME_MAX) return converter; /* caller closes */
    int slot = cache->next;
    cache->next = (cache->next + 1) % MR_CACHE_SLOTS;
    if (cache->converters[slot] != NULL) ucnv_close(cache->converters[slot]);
    cache->converters[slot] = converter;
    memcpy(cache->names[slot], label, labelLength + 1);
    return converter;
}

static int is_cached(UConverter *converter) {
    mr_converter_cache *cache = thread_cache();
    if (cache == NULL) return 0;
    for (int i = 0; i < MR_CACHE_SLOTS; i++) {
        if (cache->converters[i] == converter) return 1;
    }
    return 0;
}

/* Counts substitutions, then substitutes as ICU's default callback does. */
static void counting_substitute(const void *context, UConverterToUnicodeArgs *args,
                                const char *codeUnits, int32_t length,
                                UConverterCallbackReason reason, UErrorCode *status) {
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        int32_t *count = (int32_t *)context;
        (*count)++;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, status);
}

int32_t mr_icu_charset_known(const char *label) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = converter_for(label, &status);
    if (converter == NULL) return 0;
    if (!is_cached(converter)) ucnv_close(converter);
    return 1;
}

int32_t mr_icu_to_utf8(const char *label, const uint8_t *source, size_t length, mr_icu_conversion *out) {
    out->bytes = NULL;
    out->length = 0;
    out->substitutions = 0;
    if (length > (size_t)INT32_MAX / 4) return MR_ICU_FAILED;

    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = converter_for(label, &status);
    if (converter == NULL) return MR_ICU_UNKNOWN_CHARSET;
    int owned = !is_cached(converter);

    int32_t substitutions = 0;
    UConverterToUCallback oldAction = NULL;
    const void *oldContext = NULL;
    ucnv_setToUCallBack(converter, counting_substitute, &substitutions, &oldAction, &oldContext, &status);

    /* Any charset yields at most two UTF-16 units per byte (plus a flush). */
    int32_t capacity = (int32_t)length * 2 + 16;
    UChar *utf16 = malloc(sizeof(UChar) * (size_t)capacity);
    int32_t result = MR_ICU_FAILED;
    if (utf16 != NULL && U_SUCCESS(status)) {
        int32_t utf16Length = ucnv_toUChars(converter, utf16, capacity, (const char *)source, (int32_t)length, &status);
        if (U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
            status = U_ZERO_ERROR;
            int32_t utf8Capacity = utf16Length * 3 + 1;
            char *utf8 = malloc((size_t)utf8Capacity);
            int32_t utf8Length = 0;
            if (utf8 != NULL) {
                u_strToUTF8WithSub(utf8, utf8Capacity, &utf8Length, utf16, utf16Length, 0xFFFD, NULL, &status);
                if (U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
                    out->bytes = (uint8_t *)utf8;
                    out->length = (size_t)utf8Length;
                    out->substitutions = substitutions;
                    result = MR_ICU_OK;
                } else {
                    free(utf8);
                }
            }
        }
    }
    free(utf16);
    UErrorCode restoreStatus = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter, oldAction, oldContext, NULL, NULL, &restoreStatus);
    if (owned) ucnv_close(converter);
    return result;
}

void mr_icu_free(void *pointer) { free(pointer); }
