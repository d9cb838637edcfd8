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

/* Frees a buffer returned by this interface. */
void mr_icu_free(void *pointer);

#endif
