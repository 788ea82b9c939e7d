#ifndef PORTAL_AUDIT_CLIBXML2_SHIM_H
#define PORTAL_AUDIT_CLIBXML2_SHIM_H
// Foundation ships its own ICU; libxml2's headers would pull in the system
// ICU and clash ("'UErrorCode' has different definitions").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#endif
