#ifndef MAILROOM_CLIBXML2_SHIM_H
#define MAILROOM_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU; its ICU types clash with Foundation's private ICU.
   Hide them: Swift code never touches the encoding-handler structures. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* xmlFree is a global function pointer, which Swift 6 will not call directly. */
static inline void mr_xml_free(void *pointer) { xmlFree(pointer); }

#endif
