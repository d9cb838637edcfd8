/* ICU properties for displaying data: East Asian Width and currency minor digits. */
#include "mailroom_icu_display.h"

#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/ustring.h>

int32_t mr_icu_is_wide(uint32_t codePoint) {
    int32_t width = u_getIntPropertyValue((UChar32)codePoint, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 1 : 0;
}

int32_t mr_icu_currency_digits(const char *code) {
    if (code == NULL) return -1;
    UChar iso[4];
    for (int i = 0; i < 3; i++) {
        char c = code[i];
        if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') return -1;
        iso[i] = (UChar)c;
    }
    if (code[3] != '\0') return -1;
    iso[3] = 0;
    UErrorCode status = U_ZERO_ERROR;
    int32_t digits = ucurr_getDefaultFractionDigits(iso, &status);
    return U_SUCCESS(status) ? digits : 2;
}
