#ifndef MAILROOM_ICU_H
#define MAILROOM_ICU_H

#include <stddef.h>
#include <stdint.h>

/* Plain C interface over ICU. Only C types appear here: Foundation on Linux carries a private
   ICU whose type names clash with the system headers, so those headers stay in the .c files.
   Every function is safe to call from several threads at once: converters and transliterators
   are cached per thread, never shared. */

/* Result codes of mr_icu_to_utf8. */
enum {
    MR_ICU_OK = 0,
    MR_ICU_UNKNOWN_CHARSET = 1,
    MR_ICU_FAILED = 2
};

/* The outcome of one conversion. `bytes` is allocated with malloc (free it with mr_icu_free)
   and holds `length` bytes of UTF-8, not NUL-terminated; `substitutions` counts the byte
   sequences that were invalid in the source charset and became U+FFFD. */
typedef struct {
    uint8_t *bytes;
    size_t length;
    int32_t substitutions;
} mr_icu_conversion;

/* Converts `length` bytes in the charset named `label` (any ICU alias, NUL-terminated) to
   UTF-8. Returns MR_ICU_OK and fills `out`, MR_ICU_UNKNOWN_CHARSET when ICU does not know the
   label, or MR_ICU_FAILED. */
int32_t mr_icu_to_utf8(const char *label, const uint8_t *source, size_t length, mr_icu_conversion *out);

/* Whether ICU knows a converter for `label`. */
int32_t mr_icu_charset_known(const char *label);

/* Case- and accent-folds `length` UTF-16 code units with the transliterator
   "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC". Returns a malloc'd UTF-16
   buffer (free with mr_icu_free) and its length in `outLength`, or NULL on failure. */
uint16_t *mr_icu_fold(const uint16_t *source, int32_t length, int32_t *outLength);

/* A compiled regular expression (ICU syntax). Compiled patterns live as long as the process:
   matching threads keep their own clones of them. */
typedef struct mr_icu_regex mr_icu_regex;

/* Compiles the NUL-terminated UTF-8 `pattern` (case-insensitive when `caseless` is non-zero).
   Returns NULL on error and writes a message into `error` (at most `errorSize` bytes). */
mr_icu_regex *mr_icu_regex_compile(const char *pattern, int32_t caseless, char *error, size_t errorSize);

/* Finds the first match in `length` UTF-16 code units. Returns 1 and sets `start` and `end`
   (UTF-16 offsets) on a match, 0 when there is none, -1 on error. Each thread matches with its
   own clone of the pattern, made on first use. */
int32_t mr_icu_regex_find(mr_icu_regex *regex, const uint16_t *text, int32_t length, int32_t *start, int32_t *end);

/* Frees a buffer returned by this interface. */
void mr_icu_free(void *pointer);

#endif
