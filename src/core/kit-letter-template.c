/* kit-letter-template.c — letter templates: loaded from the built-in
 * GResource or the user's override folder, checked against letter.rng and
 * the known field and condition names, expanded into a KitDocument.
 *
 * Whitespace: the words a template writes are laid out like HTML — runs of
 * spaces and new lines become one space, and space at the start or end of
 * a line is dropped — so templates can be indented. A field's value goes in
 * exactly as it is (a reason keeps its own lines and spaces). <br/> starts a
 * new line. */

#include "kit-letter-template.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <string.h>

#include "kit-error.h"
#include "kit-letters-resources.h"

#define RESOURCE_PATH "/org/keepintouch/KeepInTouch/letters/"

/* The names a template may use (docs/letters.md lists them with meanings). */
static const char *const known_fields[] = {
  "today", "child",
  "arrangement", "arrangement.lower", "arrangement.now", "arrangement.start",
  "arrangement.since", "arrangement.duration", "arrangement.last-reviewed",
  "arrangement.next-review",
  "change.what", "change.before", "change.after", "change.date", "change.decided-by",
  "change.reason", "change.told-how", "change.told-date", "change.asked-date",
  "sender.name", "sender.address", "recipient.name", "recipient.address",
  "contact.name", "contact.role", "contact.phone",
};

static const char *const known_conditions[] = {
  "has-change", "has-before",
  "reason-given", "reason-partly", "no-reason", "has-reason",
  "decided-by-known", "decided-by-me",
  "was-told", "found-out", "not-told", "told-date-known", "asked-before",
  "to-self", "from-me", "to-me",
  "has-contact", "contact-has-role", "contact-has-phone",
  "ever-reviewed", "next-review-known", "review-overdue", "duration-known",
  "arrangement-paused", "arrangement-stopped",
};

static gboolean
is_known (const char *const *names, gsize n, const char *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Kinds */

static const char *const kind_names[] = { "explanation", "request", "review" };

const char *
kit_letter_kind_to_string (KitLetterKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
kit_letter_kind_from_string (const char *text, KitLetterKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        if (out != NULL)
          *out = (KitLetterKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
kit_letter_kind_title (KitLetterKind kind)
{
  switch (kind)
    {
    case KIT_LETTER_EXPLANATION:
      return _("Explanation of a change");
    case KIT_LETTER_REQUEST:
      return _("Request for reasons");
    case KIT_LETTER_REVIEW:
      return _("Request a review of contact");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
kit_letter_template_file_name (KitLetterKind kind, gboolean easy_read)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return g_strconcat (kind_names[kind], easy_read ? "-easy" : "", ".xml", NULL);
}

/* Fields */

struct _KitLetterFields
{
  GHashTable *values;      /* name → text */
  GHashTable *conditions;  /* name → GINT_TO_POINTER (TRUE) when true */
};

KitLetterFields *
kit_letter_fields_new (void)
{
  KitLetterFields *fields = g_new0 (KitLetterFields, 1);
  fields->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fields->conditions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return fields;
}

void
kit_letter_fields_free (KitLetterFields *fields)
{
  if (fields == NULL)
    return;
  g_hash_table_unref (fields->values);
  g_hash_table_unref (fields->conditions);
  g_free (fields);
}

void
kit_letter_fields_set (KitLetterFields *fields, const char *name, const char *value)
{
  g_return_if_fail (fields != NULL && name != NULL);
  g_hash_table_replace (fields->values, g_strdup (name), g_strdup (value != NULL ? value : ""));
}

void
kit_letter_fields_set_condition (KitLetterFields *fields, const char *name, gboolean value)
{
  g_return_if_fail (fields != NULL && name != NULL);
  g_hash_table_replace (fields->conditions, g_strdup (name), GINT_TO_POINTER (value ? 1 : 0));
}

const char *
kit_letter_fields_get (KitLetterFields *fields, const char *name)
{
  g_return_val_if_fail (fields != NULL, NULL);
  return g_hash_table_lookup (fields->values, name);
}

static gboolean
fields_test (KitLetterFields *fields, const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (fields->conditions, name)) != 0;
}

/* The template object */

struct _KitLetterTemplate
{
  GObject parent_instance;

  xmlDoc *doc;
  char *source;
  gboolean easy_read;
};

G_DEFINE_FINAL_TYPE (KitLetterTemplate, kit_letter_template, G_TYPE_OBJECT)

static void
kit_letter_template_finalize (GObject *object)
{
  KitLetterTemplate *self = KIT_LETTER_TEMPLATE (object);

  if (self->doc != NULL)
    xmlFreeDoc (self->doc);
  g_free (self->source);
  G_OBJECT_CLASS (kit_letter_template_parent_class)->finalize (object);
}

static void
kit_letter_template_class_init (KitLetterTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kit_letter_template_finalize;
}

static void
kit_letter_template_init (KitLetterTemplate *self)
{
}

const char *
kit_letter_template_get_source (KitLetterTemplate *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_TEMPLATE (self), NULL);
  return self->source;
}

gboolean
kit_letter_template_get_easy_read (KitLetterTemplate *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_TEMPLATE (self), FALSE);
  return self->easy_read;
}

/* Loading and checking */

/* The first problem libxml2 reports, with its line. */
typedef struct {
  int line;
  char *message;
} FirstError;

#if LIBXML_VERSION >= 21200
static void
keep_first_error (void *data, const xmlError *error)
#else
static void
keep_first_error (void *data, xmlErrorPtr error)
#endif
{
  FirstError *first = data;

  if (first->message != NULL || error == NULL)
    return;
  first->line = error->line;
  first->message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

#if LIBXML_VERSION >= 21200
static void
keep_first_parser_error (void *data, const xmlError *error)
#else
static void
keep_first_parser_error (void *data, xmlErrorPtr error)
#endif
{
  xmlParserCtxt *parser = data;
  keep_first_error (parser->_private, error);
}

static gboolean
template_error (GError **error, const char *name, int line, const char *message)
{
  if (line > 0)
    /* Translators: a letter template file, the line of the problem, and the problem */
    g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_TEMPLATE, _("%s, line %d: %s"),
                 name, line, message);
  else
    g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_TEMPLATE, _("%s: %s"), name, message);
  return FALSE;
}

/* The schema, parsed once from the resource. */
static xmlRelaxNG *
letter_schema (void)
{
  static gsize once = 0;
  static xmlRelaxNG *schema = NULL;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxt *ctxt;

      /* Referencing the resource keeps its object file in the static library. */
      g_resources_register (kit_letters_get_resource ());
      bytes = g_resources_lookup_data (RESOURCE_PATH "letter.rng", 0, NULL);
      g_assert (bytes != NULL);
      ctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                         (int) g_bytes_get_size (bytes));
      schema = xmlRelaxNGParse (ctxt);
      xmlRelaxNGFreeParserCtxt (ctxt);
      g_assert (schema != NULL);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

/* Field and condition names are free text to the schema: check them here. */
static gboolean
check_names (xmlNode *node, const char *name, GError **error)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrcmp (n->name, BAD_CAST "field") == 0)
        {
          g_autofree char *field = (char *) xmlGetProp (n, BAD_CAST "name");
          if (!is_known (known_fields, G_N_ELEMENTS (known_fields), field))
            {
              g_autofree char *message = g_strdup_printf (_("there is no field called “%s”."), field);
              return template_error (error, name, xmlGetLineNo (n), message);
            }
        }
      else if (xmlStrcmp (n->name, BAD_CAST "if") == 0 || xmlStrcmp (n->name, BAD_CAST "unless") == 0)
        {
          g_autofree char *test = (char *) xmlGetProp (n, BAD_CAST "test");
          if (!is_known (known_conditions, G_N_ELEMENTS (known_conditions), test))
            {
              g_autofree char *message = g_strdup_printf (_("there is no condition called “%s”."), test);
              return template_error (error, name, xmlGetLineNo (n), message);
            }
        }
      if (!check_names (n->children, name, error))
        return FALSE;
    }
  return TRUE;
}

/* Parses and checks @data; @name (the file's base name) goes in messages. */
static KitLetterTemplate *
load_bytes (const char *data, gsize size, const char *name, const char *source, GError **error)
{
  FirstError first = { 0, NULL };
  xmlParserCtxt *parser;
  xmlDoc *doc;
  xmlRelaxNGValidCtxt *valid;
  int result;
  KitLetterTemplate *self;

  if (size > G_MAXINT)
    {
      template_error (error, name, 0, _("the file is too big to be a letter."));
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  /* The first error is the one to name, not the last ("premature end"). */
  parser->_private = &first;
  parser->sax->serror = keep_first_parser_error;
  doc = xmlCtxtReadMemory (parser, data, (int) size, name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !parser->wellFormed)
    {
      if (first.message == NULL)
        keep_first_error (&first, xmlCtxtGetLastError (parser));
      xmlFreeParserCtxt (parser);
      if (doc != NULL)
        xmlFreeDoc (doc);
      template_error (error, name, first.line,
                      first.message != NULL ? first.message : _("it is not well-formed XML."));
      g_free (first.message);
      return NULL;
    }
  xmlFreeParserCtxt (parser);

  valid = xmlRelaxNGNewValidCtxt (letter_schema ());
  xmlRelaxNGSetValidStructuredErrors (valid, keep_first_error, &first);
  result = xmlRelaxNGValidateDoc (valid, doc);
  xmlRelaxNGFreeValidCtxt (valid);
  if (result != 0)
    {
      template_error (error, name, first.line,
                      first.message != NULL ? first.message : _("it does not follow letter.rng."));
      g_free (first.message);
      xmlFreeDoc (doc);
      return NULL;
    }
  g_free (first.message);

  if (!check_names (xmlDocGetRootElement (doc), name, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  self = g_object_new (KIT_TYPE_LETTER_TEMPLATE, NULL);
  self->doc = doc;
  self->source = g_strdup (source);
  {
    g_autofree char *easy = (char *) xmlGetProp (xmlDocGetRootElement (doc), BAD_CAST "easy-read");
    self->easy_read = g_strcmp0 (easy, "true") == 0;
  }
  return self;
}

KitLetterTemplate *
kit_letter_template_load_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      template_error (error, name, 0, local->message);
      return NULL;
    }
  return load_bytes (contents, length, name, path, error);
}

static KitLetterTemplate *
load_builtin (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KitLetterTemplate *self;

  letter_schema ();  /* registers the resource */
  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  self = load_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name,
                     "built-in", &error);
  /* The built-in templates are checked by the tests: they cannot be broken. */
  g_assert_no_error (error);
  return self;
}

KitLetterTemplate *
kit_letter_template_load (KitLetterKind kind, gboolean easy_read, GError **warning)
{
  g_autofree char *name = kit_letter_template_file_name (kind, easy_read);
  g_autofree char *override = g_build_filename (g_get_user_data_dir (), "keep-in-touch",
                                                "letters", name, NULL);
  KitLetterTemplate *self;

  if (g_file_test (override, G_FILE_TEST_EXISTS))
    {
      self = kit_letter_template_load_file (override, warning);
      if (self != NULL)
        {
          self->easy_read = easy_read;
          return self;
        }
    }
  self = load_builtin (name);
  self->easy_read = easy_read;
  return self;
}

/* Expansion */

typedef struct {
  GString *text;
  gboolean line_start;     /* nothing written on this line yet */
  gboolean pending_space;  /* a template space to write before what comes next */
} Line;

static void
line_put (Line *line, const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  if (line->pending_space && !line->line_start)
    g_string_append_c (line->text, ' ');
  line->pending_space = FALSE;
  g_string_append (line->text, text);
  line->line_start = FALSE;
}

/* Template words: runs of white space become one space. */
static void
line_put_words (Line *line, const char *words)
{
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = words; ; p++)
    {
      if (*p == '\0' || g_ascii_isspace (*p))
        {
          if (word->len > 0)
            {
              line_put (line, word->str);
              g_string_truncate (word, 0);
            }
          if (*p == '\0')
            break;
          line->pending_space = TRUE;
        }
      else
        g_string_append_c (word, *p);
    }
}

static void
line_break (Line *line)
{
  g_string_append_c (line->text, '\n');
  line->line_start = TRUE;
  line->pending_space = FALSE;
}

static gboolean
node_is (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST name) == 0;
}

/* Whether an <if> or <unless> lets its content through. */
static gboolean
condition_holds (xmlNode *node, KitLetterFields *fields)
{
  g_autofree char *test = (char *) xmlGetProp (node, BAD_CAST "test");
  gboolean value = fields_test (fields, test);
  return node_is (node, "unless") ? !value : value;
}

static void
expand_inline (xmlNode *node, KitLetterFields *fields, Line *line)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        line_put_words (line, (const char *) n->content);
      else if (node_is (n, "br"))
        line_break (line);
      else if (node_is (n, "field"))
        {
          g_autofree char *name = (char *) xmlGetProp (n, BAD_CAST "name");
          const char *value = kit_letter_fields_get (fields, name);
          /* Empty is not filled: a gap, never a blank in the printed letter. */
          if (value != NULL && value[0] != '\0')
            line_put (line, value);
          else
            {
              g_autofree char *gap = kit_document_gap (name);
              line_put (line, gap);
            }
        }
      else if ((node_is (n, "if") || node_is (n, "unless")) && condition_holds (n, fields))
        expand_inline (n->children, fields, line);
    }
}

static const struct {
  const char *element;
  KitBlockKind kind;
} block_kinds[] = {
  { "sender", KIT_BLOCK_SENDER },
  { "recipient", KIT_BLOCK_RECIPIENT },
  { "date", KIT_BLOCK_DATE },
  { "subject", KIT_BLOCK_SUBJECT },
  { "heading", KIT_BLOCK_HEADING },
  { "paragraph", KIT_BLOCK_PARAGRAPH },
  { "bullet", KIT_BLOCK_BULLET },
  { "sign-off", KIT_BLOCK_SIGN_OFF },
  { "note", KIT_BLOCK_NOTE },
};

static void
expand_blocks (xmlNode *node, KitLetterFields *fields, KitDocument *document)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (node_is (n, "if") || node_is (n, "unless"))
        {
          if (condition_holds (n, fields))
            expand_blocks (n->children, fields, document);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (block_kinds); i++)
        if (node_is (n, block_kinds[i].element))
          {
            Line line = { g_string_new (NULL), TRUE, FALSE };
            expand_inline (n->children, fields, &line);
            /* Lines left empty at the ends (an address not known yet is a gap, not empty). */
            while (line.text->len > 0 && line.text->str[line.text->len - 1] == '\n')
              g_string_truncate (line.text, line.text->len - 1);
            if (line.text->len > 0)
              kit_document_add (document, block_kinds[i].kind, line.text->str);
            g_string_free (line.text, TRUE);
            break;
          }
    }
}

KitDocument *
kit_letter_template_expand (KitLetterTemplate *self, KitLetterFields *fields)
{
  KitDocument *document;

  g_return_val_if_fail (KIT_IS_LETTER_TEMPLATE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  document = kit_document_new ("");
  kit_document_set_easy_read (document, self->easy_read);
  expand_blocks (xmlDocGetRootElement (self->doc)->children, fields, document);
  return document;
}
