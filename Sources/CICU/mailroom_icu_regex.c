#include "mailroom_icu.h"
#include "mailroom_icu_internal.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>

/* A URegularExpression is not thread-safe: each thread matches with its own clone, cached in
   thread-local storage by the pattern's index. Cloning shares the compiled pattern, so the
   original is never closed. */
struct mr_icu_regex {
    URegularExpression *original;
    int32_t index;
};

static atomic_int next_index = 0;
static _Thread_local URegularExpression **clones = NULL;
static _Thread_local int32_t clone_capacity = 0;

mr_icu_regex *mr_icu_regex_compile(const char *pattern, int32_t caseless, char *error, size_t errorSize) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    uint32_t flags = caseless ? UREGEX_CASE_INSENSITIVE : 0;
    URegularExpression *compiled = uregex_openC(pattern, flags, &parse, &status);
    if (U_FAILURE(status) || compiled == NULL) {
        if (error != NULL && errorSize > 0) {
            snprintf(error, errorSize, "%s at offset %d", u_errorName(status), (int)parse.offset);
        }
        if (compiled != NULL) uregex_close(compiled);
        return NULL;
    }
    mr_icu_regex *regex = malloc(sizeof *regex);
    if (regex == NULL) {
        uregex_close(compiled);
        return NULL;
    }
    regex->original = compiled;
    regex->index = atomic_fetch_add(&next_index, 1);
    return regex;
}

static URegularExpression *clone_for_this_thread(mr_icu_regex *regex) {
    if (regex->index >= clone_capacity) {
        int32_t capacity = clone_capacity == 0 ? 256 : clone_capacity;
        while (capacity <= regex->index) capacity *= 2;
        URegularExpression **grown = realloc(clones, (size_t)capacity * sizeof *grown);
        if (grown == NULL) return NULL;
        memset(grown + clone_capacity, 0, (size_t)(capacity - clone_capacity) * sizeof *grown);
        clones = grown;
        clone_capacity = capacity;
    }
    if (clones[regex->index] == NULL) {
        UErrorCode status = U_ZERO_ERROR;
        URegularExpression *copy = uregex_clone(regex->original, &status);
        if (U_FAILURE(status)) return NULL;
        clones[regex->index] = copy;
    }
    return clones[regex->index];
}

int32_t mr_icu_regex_find(mr_icu_regex *regex, const uint16_t *text, int32_t length, int32_t *start, int32_t *end) {
    static const UChar empty[1] = {0};
    URegularExpression *matcher = clone_for_this_thread(regex);
    if (matcher == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(matcher, length > 0 ? (const UChar *)text : empty, length, &status);
    if (U_FAILURE(status)) return -1;
    UBool found = uregex_findNext(matcher, &status);
    if (U_FAILURE(status)) return -1;
    if (!found) return 0;
    *start = uregex_start(matcher, 0, &status);
    *end = uregex_end(matcher, 0, &status);
    return U_FAILURE(status) ? -1 : 1;
}

/* This thread's matcher for `regex`, for the other regex functions of this target
   (mailroom_icu_internal.h). */
URegularExpression *mr_icu_regex_matcher(mr_icu_regex *regex) { return clone_for_this_thread(regex); }
