/* Case and accent folding through one ICU transliterator, cloned once per thread. */
#include "mailroom_icu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

static const char *const fold_rules = "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC";

static UTransliterator *prototype = NULL;
static pthread_once_t prototype_once = PTHREAD_ONCE_INIT;
static pthread_key_t clone_key;

static void clone_destroy(void *value) {
    if (value != NULL) utrans_close((UTransliterator *)value);
}

static void prototype_init(void) {
    pthread_key_create(&clone_key, clone_destroy);
    UErrorCode status = U_ZERO_ERROR;
    UChar id[128];
    u_uastrcpy(id, fold_rules);
    UTransliterator *opened = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_SUCCESS(status)) prototype = opened;
}

static UTransliterator *thread_transliterator(void) {
    pthread_once(&prototype_once, prototype_init);
    if (prototype == NULL) return NULL;
    UTransliterator *mine = pthread_getspecific(clone_key);
    if (mine == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        mine = utrans_clone(prototype, &status);
        if (U_FAILURE(status) || mine == NULL) return NULL;
        pthread_setspecific(clone_key, mine);
    }
    return mine;
}

uint16_t *mr_icu_fold(const uint16_t *source, int32_t length, int32_t *outLength) {
    *outLength = 0;
    if (length < 0 || length > INT32_MAX / 8) return NULL;
    UTransliterator *transliterator = thread_transliterator();
    if (transliterator == NULL) return NULL;

    int32_t capacity = length * 2 + 16;
    for (int attempt = 0; attempt < 4; attempt++) {
        UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
        if (buffer == NULL) return NULL;
        if (length > 0) memcpy(buffer, source, sizeof(UChar) * (size_t)length);
        int32_t textLength = length;
        int32_t limit = length;
        UErrorCode status = U_ZERO_ERROR;
        utrans_transUChars(transliterator, buffer, &textLength, capacity, 0, &limit, &status);
        if (U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
            *outLength = textLength;
            return (uint16_t *)buffer;
        }
        free(buffer);
        if (status != U_BUFFER_OVERFLOW_ERROR) return NULL;
        capacity = (textLength > capacity ? textLength : capacity * 2) + 16;
    }
    return NULL;
}
