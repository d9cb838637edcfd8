/* Regular expression matches with their capture groups, for extraction rules. */
#include "mailroom_icu_regex_groups.h"
#include "mailroom_icu_internal.h"

int32_t mr_icu_regex_find_groups(mr_icu_regex *regex, const uint16_t *text, int32_t length, int32_t from,
                                 int32_t *bounds, int32_t boundsCount) {
    static const UChar empty[1] = {0};
    if (bounds == NULL || boundsCount < 2 || from < 0 || from > length) return -1;
    URegularExpression *matcher = mr_icu_regex_matcher(regex);
    if (matcher == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(matcher, length > 0 ? (const UChar *)text : empty, length, &status);
    if (U_FAILURE(status)) return -1;
    UBool found = uregex_find(matcher, from, &status);
    if (U_FAILURE(status)) return -1;
    if (!found) return 0;
    int32_t groups = uregex_groupCount(matcher, &status) + 1;
    if (U_FAILURE(status)) return -1;
    if (groups > boundsCount / 2) groups = boundsCount / 2;
    for (int32_t group = 0; group < groups; group++) {
        bounds[2 * group] = uregex_start(matcher, group, &status);
        bounds[2 * group + 1] = uregex_end(matcher, group, &status);
        if (U_FAILURE(status)) return -1;
    }
    return groups;
}
