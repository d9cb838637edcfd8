/* ICU properties for displaying data: East Asian Width. */
#include "mailroom_icu_display.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

int32_t mr_icu_is_wide(uint32_t codePoint) {
    int32_t width = u_getIntPropertyValue((UChar32)codePoint, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 1 : 0;
}
