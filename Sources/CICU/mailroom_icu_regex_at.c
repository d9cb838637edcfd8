/* Matches tried at chosen offsets only, for patterns whose matches start with known literals. */
#include "mailroom_icu_regex_at.h"
#include "mailroom_icu_internal.h"

int32_t mr_icu_regex_find_at(mr_icu_regex *regex, const uint16_t *text, int32_t length,
                             const int32_t *candidates, int32_t count, int32_t *start, int32_t *end) {
    static const UChar empty[1] = {0};
    if (count <= 0) return 0;
    if (candidates == NULL) return -1;
    URegularExpression *matcher = mr_icu_regex_matcher(regex);
    if (matcher == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(matcher, length > 0 ? (const UChar *)text : empty, length, &status);
    if (U_FAILURE(status)) return -1;
    for (int32_t index = 0; index < count; index++) {
        int32_t offset = candidates[index];
        if (offset < 0 || offset > length) return -1;
        /* lookingAt(offset) resets the matcher to the whole text and tries one match there. */
        UBool found = uregex_lookingAt(matcher, offset, &status);
        if (U_FAILURE(status)) return -1;
        if (found) {
            *start = uregex_start(matcher, 0, &status);
            *end = uregex_end(matcher, 0, &status);
            return U_FAILURE(status) ? -1 : 1;
        }
    }
    return 0;
}
