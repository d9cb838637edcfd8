#ifndef MAILROOM_CETPAN_SHIM_H
#define MAILROOM_CETPAN_SHIM_H

#include <libetpan/libetpan.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libetpan's list and array accessors are function-like macros, which Swift does not import. */
static inline clistiter *mr_clist_begin(clist *list) { return list == NULL ? NULL : list->first; }
static inline clistiter *mr_clist_next(clistiter *iter) { return iter == NULL ? NULL : iter->next; }
static inline void *mr_clist_content(clistiter *iter) { return iter == NULL ? NULL : iter->data; }
static inline unsigned int mr_carray_count(carray *array) { return array == NULL ? 0 : array->len; }
static inline void *mr_carray_get(carray *array, unsigned int index) { return array->array[index]; }
static inline int mr_clist_append(clist *list, void *data) { return clist_insert_after(list, list->last, data); }

/* IMAP helpers (used by the IMAP module only). */

/* A section from its text: "HEADER", "TEXT", or a part number such as "1.2" (RFC 3501 §6.4.5).
   NULL when the text is not one of these. */
static inline struct mailimap_section *mr_imap_section_new(const char *spec) {
    if (strcmp(spec, "HEADER") == 0) return mailimap_section_new_header();
    if (strcmp(spec, "TEXT") == 0) return mailimap_section_new_text();
    clist *ids = clist_new();
    if (ids == NULL) return NULL;
    const char *cursor = spec;
    while (*cursor != '\0') {
        char *end = NULL;
        unsigned long value = strtoul(cursor, &end, 10);
        if (end == cursor || value == 0 || value > 0xFFFFFFFFul || (*end != '.' && *end != '\0')) {
            clist_foreach(ids, (clist_func) free, NULL);
            clist_free(ids);
            return NULL;
        }
        uint32_t *id = malloc(sizeof(uint32_t));
        if (id == NULL) break;
        *id = (uint32_t) value;
        mr_clist_append(ids, id);
        cursor = (*end == '.') ? end + 1 : end;
    }
    struct mailimap_section_part *part = mailimap_section_part_new(ids);
    return part == NULL ? NULL : mailimap_section_new_part(part);
}

/* The text of a section from a FETCH response, in the form mr_imap_section_new takes
   ("HEADER", "TEXT", "1.2", "" for the whole message); other forms give "?". */
static inline void mr_imap_section_describe(struct mailimap_section *section, char *buffer, size_t size) {
    if (size == 0) return;
    buffer[0] = '\0';
    if (section == NULL || section->sec_spec == NULL) return;
    struct mailimap_section_spec *spec = section->sec_spec;
    if (spec->sec_type == MAILIMAP_SECTION_SPEC_SECTION_MSGTEXT) {
        struct mailimap_section_msgtext *text = spec->sec_data.sec_msgtext;
        if (text == NULL) return;
        if (text->sec_type == MAILIMAP_SECTION_MSGTEXT_HEADER) snprintf(buffer, size, "HEADER");
        else if (text->sec_type == MAILIMAP_SECTION_MSGTEXT_TEXT) snprintf(buffer, size, "TEXT");
        else snprintf(buffer, size, "?");
        return;
    }
    if (spec->sec_type != MAILIMAP_SECTION_SPEC_SECTION_PART || spec->sec_data.sec_part == NULL) {
        snprintf(buffer, size, "?");
        return;
    }
    if (spec->sec_text != NULL) {
        snprintf(buffer, size, "?");
        return;
    }
    size_t used = 0;
    clistiter *iter;
    for (iter = mr_clist_begin(spec->sec_data.sec_part->sec_id); iter != NULL; iter = mr_clist_next(iter)) {
        uint32_t *id = (uint32_t *) mr_clist_content(iter);
        int written = snprintf(buffer + used, size - used, used == 0 ? "%u" : ".%u", id == NULL ? 0u : *id);
        if (written < 0 || (size_t) written >= size - used) {
            snprintf(buffer, size, "?");
            return;
        }
        used += (size_t) written;
    }
}

/* A keyword flag list of one keyword (the string is copied). */
static inline struct mailimap_flag_list *mr_imap_flag_list_keyword(const char *keyword) {
    struct mailimap_flag_list *list = mailimap_flag_list_new_empty();
    if (list == NULL) return NULL;
    char *copy = strdup(keyword);
    struct mailimap_flag *flag = copy == NULL ? NULL : mailimap_flag_new_flag_keyword(copy);
    if (flag == NULL || mailimap_flag_list_add(list, flag) != MAILIMAP_NO_ERROR) {
        if (flag != NULL) mailimap_flag_free(flag); else free(copy);
        mailimap_flag_list_free(list);
        return NULL;
    }
    return list;
}

/* A capability list for ENABLE, from capability names (the strings are copied). */
static inline struct mailimap_capability_data *mr_imap_capability_data(const char *const *names, int count) {
    clist *list = clist_new();
    if (list == NULL) return NULL;
    for (int index = 0; index < count; index++) {
        char *copy = strdup(names[index]);
        struct mailimap_capability *capability =
            copy == NULL ? NULL : mailimap_capability_new(MAILIMAP_CAPABILITY_NAME, NULL, copy);
        if (capability == NULL) { free(copy); continue; }
        mr_clist_append(list, capability);
    }
    struct mailimap_capability_data *data = mailimap_capability_data_new(list);
    if (data == NULL) clist_free(list);
    return data;
}

#endif
