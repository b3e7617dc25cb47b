/* kit-document.c — a printable document as a list of blocks of plain text:
 * the editable part of a letter, gaps still to fill, and the XML form a
 * kept letter is stored in (libxml2 both ways). */
#include "kit-document.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "kit-error.h"

/* A kept letter is a few kilobytes; anything far larger is not ours. */
#define MAX_XML_BYTES (8 * 1024 * 1024)

typedef struct {
  KitBlockKind kind;
  char *text;
} Block;

struct _KitDocument
{
  GObject parent_instance;
  char *title;
  gboolean easy_read;
  KitPaper paper;
  GArray *blocks;  /* of Block */
};

G_DEFINE_FINAL_TYPE (KitDocument, kit_document, G_TYPE_OBJECT)

static const char *const kind_names[] = {
  [KIT_BLOCK_SENDER] = "sender",
  [KIT_BLOCK_RECIPIENT] = "recipient",
  [KIT_BLOCK_DATE] = "date",
  [KIT_BLOCK_SUBJECT] = "subject",
  [KIT_BLOCK_HEADING] = "heading",
  [KIT_BLOCK_PARAGRAPH] = "paragraph",
  [KIT_BLOCK_BULLET] = "bullet",
  [KIT_BLOCK_SIGN_OFF] = "sign-off",
  [KIT_BLOCK_MONO] = "mono",
  [KIT_BLOCK_NOTE] = "note",
};

#define BULLET_PREFIX "\u2022 "

static void
block_clear (gpointer data)
{
  Block *block = data;
  g_clear_pointer (&block->text, g_free);
}

static void
kit_document_finalize (GObject *object)
{
  KitDocument *self = (KitDocument *) object;

  g_free (self->title);
  g_array_unref (self->blocks);
  G_OBJECT_CLASS (kit_document_parent_class)->finalize (object);
}

static void
kit_document_class_init (KitDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kit_document_finalize;
}

static void
kit_document_init (KitDocument *self)
{
  self->title = g_strdup ("");
  self->paper = KIT_PAPER_A4;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
}

static Block *
block_at (KitDocument *self, guint index)
{
  return &g_array_index (self->blocks, Block, index);
}

static gboolean
is_body_kind (KitBlockKind kind)
{
  return kind == KIT_BLOCK_PARAGRAPH || kind == KIT_BLOCK_BULLET;
}

static gboolean
is_header_kind (KitBlockKind kind)
{
  return kind == KIT_BLOCK_SENDER || kind == KIT_BLOCK_RECIPIENT || kind == KIT_BLOCK_DATE;
}

KitDocument *
kit_document_new (const char *title)
{
  KitDocument *self = g_object_new (KIT_TYPE_DOCUMENT, NULL);
  kit_document_set_title (self, title);
  return self;
}

KitDocument *
kit_document_copy (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), NULL);

  KitDocument *copy = kit_document_new (self->title);
  copy->easy_read = self->easy_read;
  copy->paper = self->paper;
  for (guint i = 0; i < self->blocks->len; i++)
    kit_document_add (copy, block_at (self, i)->kind, block_at (self, i)->text);
  return copy;
}

const char *
kit_document_get_title (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
kit_document_set_title (KitDocument *self, const char *title)
{
  g_return_if_fail (KIT_IS_DOCUMENT (self));
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
}

gboolean
kit_document_get_easy_read (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), FALSE);
  return self->easy_read;
}

void
kit_document_set_easy_read (KitDocument *self, gboolean easy_read)
{
  g_return_if_fail (KIT_IS_DOCUMENT (self));
  self->easy_read = !!easy_read;
}

KitPaper
kit_document_get_paper (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), KIT_PAPER_A4);
  return self->paper;
}

void
kit_document_set_paper (KitDocument *self, KitPaper paper)
{
  g_return_if_fail (KIT_IS_DOCUMENT (self));
  self->paper = paper == KIT_PAPER_LETTER ? KIT_PAPER_LETTER : KIT_PAPER_A4;
}

static Block
block_new (KitBlockKind kind, const char *text)
{
  Block block = { kind, g_strdup (text != NULL ? text : "") };
  return block;
}

void
kit_document_add (KitDocument *self, KitBlockKind kind, const char *text)
{
  g_return_if_fail (KIT_IS_DOCUMENT (self));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (kind_names));

  Block block = block_new (kind, text);
  g_array_append_val (self->blocks, block);
}

guint
kit_document_get_n_blocks (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

KitBlockKind
kit_document_get_block_kind (KitDocument *self, guint index)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), KIT_BLOCK_PARAGRAPH);
  g_return_val_if_fail (index < self->blocks->len, KIT_BLOCK_PARAGRAPH);
  return block_at (self, index)->kind;
}

const char *
kit_document_get_block_text (KitDocument *self, guint index)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return block_at (self, index)->text;
}

void
kit_document_set_block_text (KitDocument *self, guint index, const char *text)
{
  g_return_if_fail (KIT_IS_DOCUMENT (self));
  g_return_if_fail (index < self->blocks->len);

  Block *block = block_at (self, index);
  g_free (block->text);
  block->text = g_strdup (text != NULL ? text : "");
}

/* Editable text */

static int
find_kind (KitDocument *self, KitBlockKind kind, guint from)
{
  for (guint i = from; i < self->blocks->len; i++)
    if (block_at (self, i)->kind == kind)
      return (int) i;
  return -1;
}

/* The body runs from after the subject (or, without one, after the sender,
 * recipient and date at the top) to the sign-off or the end. */
static void
body_range (KitDocument *self, guint *start, guint *end)
{
  int subject = find_kind (self, KIT_BLOCK_SUBJECT, 0);
  guint i = 0;

  if (subject >= 0)
    i = (guint) subject + 1;
  else
    while (i < self->blocks->len && is_header_kind (block_at (self, i)->kind))
      i++;
  *start = i;

  int sign_off = find_kind (self, KIT_BLOCK_SIGN_OFF, i);
  *end = sign_off >= 0 ? (guint) sign_off : self->blocks->len;
}

char *
kit_document_get_editable_text (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), NULL);

  GString *out = g_string_new (NULL);
  int subject = find_kind (self, KIT_BLOCK_SUBJECT, 0);
  guint start, end;
  KitBlockKind previous = KIT_BLOCK_SUBJECT;
  gboolean first = TRUE;

  if (subject >= 0)
    g_string_append (out, block_at (self, (guint) subject)->text);
  g_string_append (out, "\n");

  body_range (self, &start, &end);
  for (guint i = start; i < end; i++)
    {
      Block *block = block_at (self, i);
      if (!is_body_kind (block->kind))
        continue;
      /* One blank line after the subject and between paragraphs; bullets
       * of one list sit on consecutive lines. */
      if (first || (block->kind == KIT_BLOCK_BULLET && previous == KIT_BLOCK_BULLET))
        g_string_append (out, "\n");
      else
        g_string_append (out, "\n\n");
      if (block->kind == KIT_BLOCK_BULLET)
        g_string_append (out, BULLET_PREFIX);
      g_string_append (out, block->text);
      previous = block->kind;
      first = FALSE;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
flush_block (GArray *out, KitBlockKind kind, GString *text)
{
  if (text->len == 0)
    return;
  Block block = block_new (kind, text->str);
  g_array_append_val (out, block);
  g_string_truncate (text, 0);
}

/* Paragraphs are separated by blank lines; a line starting "• " starts a
 * bullet; other lines continue the paragraph or bullet they follow. */
static GArray *
parse_body (char **lines)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autoptr (GString) text = g_string_new (NULL);
  KitBlockKind kind = KIT_BLOCK_PARAGRAPH;

  g_array_set_clear_func (out, block_clear);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (is_blank (line))
        {
          flush_block (out, kind, text);
          continue;
        }
      if (g_str_has_prefix (line, BULLET_PREFIX) || g_str_has_prefix (line, "\u2022"))
        {
          flush_block (out, kind, text);
          kind = KIT_BLOCK_BULLET;
          line += strlen ("\u2022");
          while (*line == ' ' || *line == '\t')
            line++;
        }
      else if (text->len == 0)
        kind = KIT_BLOCK_PARAGRAPH;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  flush_block (out, kind, text);
  return out;
}

void
kit_document_set_editable_text (KitDocument *self, const char *text)
{
  g_return_if_fail (KIT_IS_DOCUMENT (self));

  g_autoptr (GString) normal = g_string_new (text);
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) body = NULL;
  int subject;
  guint start, end, insert_at;

  /* "\r\n" and "\r" from a paste become "\n". */
  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);
  lines = g_strsplit (normal->str, "\n", -1);

  subject = find_kind (self, KIT_BLOCK_SUBJECT, 0);
  g_autofree char *subject_text = g_strstrip (g_strdup (lines[0] != NULL ? lines[0] : ""));
  if (subject >= 0 && subject_text[0] == '\0')
    g_array_remove_index (self->blocks, (guint) subject);
  else if (subject >= 0)
    kit_document_set_block_text (self, (guint) subject, subject_text);
  else if (subject_text[0] != '\0')
    {
      guint at = 0;
      Block block = block_new (KIT_BLOCK_SUBJECT, subject_text);
      while (at < self->blocks->len && is_header_kind (block_at (self, at)->kind))
        at++;
      g_array_insert_val (self->blocks, at, block);
    }

  body = parse_body (lines[0] != NULL ? lines + 1 : lines);

  body_range (self, &start, &end);
  insert_at = start;
  for (guint i = end; i > start; i--)
    if (is_body_kind (block_at (self, i - 1)->kind))
      {
        g_array_remove_index (self->blocks, i - 1);
        insert_at = i - 1;
      }
  for (guint i = 0; i < body->len; i++)
    {
      Block *from = &g_array_index (body, Block, i);
      Block block = block_new (from->kind, from->text);
      g_array_insert_val (self->blocks, insert_at + i, block);
    }
}

/* Gaps */

char *
kit_document_gap (const char *what)
{
  return g_strconcat (KIT_GAP_OPEN, what != NULL ? what : "", KIT_GAP_CLOSE, NULL);
}

char *
kit_document_no_gaps (const char *text)
{
  GString *plain = g_string_new (text);

  g_string_replace (plain, KIT_GAP_OPEN, "[", 0);
  g_string_replace (plain, KIT_GAP_CLOSE, "]", 0);
  return g_string_free (plain, FALSE);
}

gboolean
kit_document_check_complete (KitDocument *self, GError **error)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const char *open = strstr (block_at (self, i)->text, KIT_GAP_OPEN);
      if (open == NULL)
        continue;

      const char *what = open + strlen (KIT_GAP_OPEN);
      const char *close = strstr (what, KIT_GAP_CLOSE);
      g_autofree char *name = close != NULL ? g_strndup (what, close - what) : g_strdup (what);
      g_strstrip (name);
      if (name[0] == '\0')
        g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP,
                             _("The letter still has a gap to fill."));
      else
        g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP,
                     /* Translators: %s names what is missing, "the reason given" */
                     _("The letter still has a gap to fill: %s."), name);
      return FALSE;
    }
  return TRUE;
}

char *
kit_document_to_plain_text (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), NULL);

  GString *out = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = block_at (self, i);
      if (i > 0)
        g_string_append (out, "\n\n");
      if (block->kind == KIT_BLOCK_BULLET)
        g_string_append (out, BULLET_PREFIX);
      g_string_append (out, block->text);
    }
  return g_string_free (out, FALSE);
}

/* XML */

/* XML 1.0 cannot hold most control characters, nor bytes that are not
 * UTF-8: a pasted one is dropped (or replaced) rather than making the
 * stored letter unreadable. */
static char *
xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

char *
kit_document_to_xml (KitDocument *self)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (self), NULL);

  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewNode (NULL, (const xmlChar *) "document");
  g_autofree char *title = xml_safe (self->title);
  xmlChar *buffer = NULL;
  int size = 0;

  xmlDocSetRootElement (doc, root);
  xmlSetProp (root, (const xmlChar *) "title", (const xmlChar *) title);
  xmlSetProp (root, (const xmlChar *) "paper", (const xmlChar *) kit_paper_to_string (self->paper));
  xmlSetProp (root, (const xmlChar *) "easy-read", (const xmlChar *) (self->easy_read ? "1" : "0"));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = block_at (self, i);
      g_autofree char *text = xml_safe (block->text);
      xmlNodePtr node = xmlNewTextChild (root, NULL, (const xmlChar *) "block", (const xmlChar *) text);
      xmlSetProp (node, (const xmlChar *) "kind", (const xmlChar *) kind_names[block->kind]);
    }

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 0);
  xmlFreeDoc (doc);

  char *xml = g_strndup ((const char *) buffer, size);
  xmlFree (buffer);
  return xml;
}

static gboolean
kind_from_name (const char *name, KitBlockKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (kind_names[i], name) == 0)
      {
        *out = (KitBlockKind) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
refuse (GError **error, int line)
{
  if (line > 0)
    g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_TEMPLATE,
                 _("This letter could not be read: it has been damaged (line %d)."), line);
  else
    g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_TEMPLATE,
                         _("This letter could not be read: it has been damaged."));
  return FALSE;
}

static char *
get_prop (xmlNodePtr node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

static gboolean
read_root (KitDocument *self, xmlNodePtr root, GError **error)
{
  if (root == NULL || xmlStrcmp (root->name, (const xmlChar *) "document") != 0)
    return refuse (error, root != NULL ? (int) xmlGetLineNo (root) : 0);

  g_autofree char *title = get_prop (root, "title");
  g_autofree char *paper = get_prop (root, "paper");
  g_autofree char *easy = get_prop (root, "easy-read");

  if (paper != NULL && !kit_paper_from_string (paper, &self->paper))
    return refuse (error, (int) xmlGetLineNo (root));
  if (easy != NULL && g_strcmp0 (easy, "0") != 0 && g_strcmp0 (easy, "1") != 0)
    return refuse (error, (int) xmlGetLineNo (root));
  kit_document_set_title (self, title);
  self->easy_read = g_strcmp0 (easy, "1") == 0;

  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE && xmlIsBlankNode (node))
        continue;
      if (node->type == XML_COMMENT_NODE)
        continue;
      if (node->type != XML_ELEMENT_NODE || xmlStrcmp (node->name, (const xmlChar *) "block") != 0)
        return refuse (error, (int) xmlGetLineNo (node));

      g_autofree char *kind_name = get_prop (node, "kind");
      KitBlockKind kind;
      if (!kind_from_name (kind_name, &kind))
        return refuse (error, (int) xmlGetLineNo (node));
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE)
          return refuse (error, (int) xmlGetLineNo (child));

      xmlChar *content = xmlNodeGetContent (node);
      kit_document_add (self, kind, content != NULL ? (const char *) content : "");
      xmlFree (content);
    }
  return TRUE;
}

KitDocument *
kit_document_from_xml (const char *xml, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size_t length = xml != NULL ? strlen (xml) : 0;
  if (length == 0 || length > MAX_XML_BYTES || !g_utf8_validate (xml, (gssize) length, NULL))
    {
      refuse (error, 0);
      return NULL;
    }

  /* No network, no external entities, no messages on stderr. */
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc = xmlCtxtReadMemory (ctxt, xml, (int) length, "letter.xml", "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);
      refuse (error, last != NULL ? last->line : 0);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  xmlFreeParserCtxt (ctxt);

  KitDocument *self = kit_document_new (NULL);
  gboolean ok = doc->intSubset == NULL ? read_root (self, xmlDocGetRootElement (doc), error)
                                       : refuse (error, 1);
  xmlFreeDoc (doc);
  if (!ok)
    g_clear_object (&self);
  return self;
}

/* Paper */

const char *
kit_paper_to_string (KitPaper paper)
{
  return paper == KIT_PAPER_LETTER ? "letter" : "a4";
}

gboolean
kit_paper_from_string (const char *text, KitPaper *out)
{
  KitPaper paper;

  if (g_ascii_strcasecmp (text != NULL ? text : "", "a4") == 0)
    paper = KIT_PAPER_A4;
  else if (g_ascii_strcasecmp (text != NULL ? text : "", "letter") == 0)
    paper = KIT_PAPER_LETTER;
  else
    return FALSE;
  if (out != NULL)
    *out = paper;
  return TRUE;
}

void
kit_paper_get_size (KitPaper paper, double *width, double *height)
{
  /* ISO A4 is 210 × 297 mm; US Letter 8.5 × 11 inches. */
  double w = paper == KIT_PAPER_LETTER ? 612.0 : 595.28;
  double h = paper == KIT_PAPER_LETTER ? 792.0 : 841.89;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}
