/* kit-renderer.c — lays a KitDocument out on pages once, in points, with a
 * PangoCairo font map of its own (72 dpi, metrics not hinted), then draws
 * any page on any Cairo surface: the preview, the printer, or a PDF written
 * through a temporary file in the same folder. */
#include "kit-renderer.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kit-error.h"

#define MM (72.0 / 25.4)
#define MARGIN (25.0 * MM)
#define BULLET_INDENT_EM 1.6
#define SENDER_WIDTH_SHARE 0.55

/* One line of a laid-out block, in points, relative to the layout. */
typedef struct {
  double x;         /* the line's left edge */
  double top;
  double bottom;
  double baseline;
} Line;

/* A block, laid out, with where its lines fall. */
typedef struct {
  KitBlockKind kind;
  PangoLayout *layout;
  GArray *lines;    /* of Line */
  GArray *gaps;     /* of int pairs: byte start and end of each gap in the layout's text */
  double grey;      /* colour of the text: 0 black */
  gboolean keep_with_next;  /* a heading, or a line that leads into a list ("Please tell me:") */
} Laid;

/* Part of a block placed on a page: lines [first, last) drawn with the
 * layout's origin at (x, y). */
typedef struct {
  Laid *laid;
  guint first;
  guint last;
  double x;
  double y;
} Piece;

struct _KitRenderer
{
  GObject parent_instance;
  KitDocument *document;
  double width;
  double height;
  double base_size;     /* points */
  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray *laid;      /* of Laid */
  GPtrArray *pages;     /* of GArray of Piece */
  PangoLayout *footer;
};

G_DEFINE_FINAL_TYPE (KitRenderer, kit_renderer, G_TYPE_OBJECT)

static void
laid_free (gpointer data)
{
  Laid *laid = data;
  g_object_unref (laid->layout);
  g_array_unref (laid->lines);
  g_array_unref (laid->gaps);
  g_free (laid);
}

static void
kit_renderer_finalize (GObject *object)
{
  KitRenderer *self = (KitRenderer *) object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->laid, g_ptr_array_unref);
  g_clear_object (&self->footer);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (kit_renderer_parent_class)->finalize (object);
}

static void
kit_renderer_class_init (KitRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kit_renderer_finalize;
}

static void
kit_renderer_init (KitRenderer *self)
{
  self->laid = g_ptr_array_new_with_free_func (laid_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/* Fonts and layouts */

static void
make_context (KitRenderer *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72.0);
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
}

static double
size_of (KitRenderer *self, KitBlockKind kind)
{
  switch (kind)
    {
    case KIT_BLOCK_HEADING:
      return self->base_size * 1.4;
    case KIT_BLOCK_MONO:
      return self->base_size * 1.45;
    case KIT_BLOCK_NOTE:
      return self->base_size * 0.85;
    default:
      return self->base_size;
    }
}

static PangoFontDescription *
font_for (KitRenderer *self, KitBlockKind kind)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, kind == KIT_BLOCK_MONO ? "DejaVu Sans Mono" : "DejaVu Sans");
  pango_font_description_set_absolute_size (font, size_of (self, kind) * PANGO_SCALE);
  if (kind == KIT_BLOCK_SUBJECT || kind == KIT_BLOCK_HEADING)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

/* The text without the gap markers, with each gap's byte range. */
static char *
strip_gaps (const char *text, GArray *gaps)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  const char *open;

  while ((open = strstr (p, KIT_GAP_OPEN)) != NULL)
    {
      const char *what = open + strlen (KIT_GAP_OPEN);
      const char *close = strstr (what, KIT_GAP_CLOSE);
      int range[2];

      g_string_append_len (out, p, open - p);
      range[0] = (int) out->len;
      if (close == NULL)
        close = what + strlen (what);
      /* A gap of nothing still needs something to draw the box around. */
      if (close == what)
        g_string_append (out, "\u2003\u2003\u2003");
      else
        {
          g_string_append_c (out, ' ');
          g_string_append_len (out, what, close - what);
          g_string_append_c (out, ' ');
        }
      range[1] = (int) out->len;
      g_array_append_vals (gaps, range, 2);
      p = *close != '\0' ? close + strlen (KIT_GAP_CLOSE) : close;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static double
block_width (KitRenderer *self, KitBlockKind kind)
{
  double content = self->width - 2 * MARGIN;

  if (kind == KIT_BLOCK_BULLET)
    return content - BULLET_INDENT_EM * self->base_size;
  if (kind == KIT_BLOCK_SENDER)
    return content * SENDER_WIDTH_SHARE;
  return content;
}

static void
measure_lines (Laid *laid)
{
  PangoLayoutIter *iter = pango_layout_get_iter (laid->layout);

  do
    {
      PangoRectangle logical;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.x = (double) logical.x / PANGO_SCALE;
      line.top = (double) logical.y / PANGO_SCALE;
      line.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (laid->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static gboolean
is_address (KitBlockKind kind)
{
  return kind == KIT_BLOCK_SENDER || kind == KIT_BLOCK_RECIPIENT || kind == KIT_BLOCK_DATE;
}

static Laid *
lay_out_block (KitRenderer *self, KitBlockKind kind, const char *text)
{
  Laid *laid = g_new0 (Laid, 1);
  g_autofree char *shown = NULL;
  PangoFontDescription *font = font_for (self, kind);
  gboolean easy = kit_document_get_easy_read (self->document);

  laid->kind = kind;
  laid->gaps = g_array_new (FALSE, FALSE, sizeof (int));
  laid->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  laid->grey = kind == KIT_BLOCK_NOTE ? 0.35 : 0.0;
  laid->layout = pango_layout_new (self->context);
  /* Text from a damaged or hand-edited record may not be valid UTF-8. */
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  shown = strip_gaps (valid, laid->gaps);

  pango_layout_set_font_description (laid->layout, font);
  pango_layout_set_width (laid->layout, (int) (block_width (self, kind) * PANGO_SCALE));
  pango_layout_set_wrap (laid->layout, PANGO_WRAP_WORD_CHAR);
  /* Easy read: 1.5 line spacing for the text; addresses stay compact. */
  if (easy)
    pango_layout_set_line_spacing (laid->layout, is_address (kind) ? 1.2 : 1.5);
  if (kind == KIT_BLOCK_DATE)
    pango_layout_set_alignment (laid->layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (laid->layout, shown, -1);
  pango_font_description_free (font);
  g_strchomp (shown);
  laid->keep_with_next = kind == KIT_BLOCK_HEADING || kind == KIT_BLOCK_SUBJECT ||
                         (kind == KIT_BLOCK_PARAGRAPH && g_str_has_suffix (shown, ":"));

  measure_lines (laid);
  return laid;
}

/* Pagination */

static double
space_before (KitRenderer *self, KitBlockKind kind, KitBlockKind previous)
{
  double gap = self->base_size * (kit_document_get_easy_read (self->document) ? 1.2 : 0.8);

  if (kind == KIT_BLOCK_BULLET && previous == KIT_BLOCK_BULLET)
    return gap * 0.4;
  if (kind == KIT_BLOCK_HEADING)
    return gap * 1.8;
  if (kind == KIT_BLOCK_SUBJECT || kind == KIT_BLOCK_RECIPIENT || kind == KIT_BLOCK_SIGN_OFF)
    return gap * 1.5;
  return gap;
}

/* Blocks that must not be split: an address, the sign-off, a key or hash.
 * (Blocks of three lines or fewer are not split either: any split would
 * leave a single line on its own.) */
static gboolean
keeps_together (KitBlockKind kind)
{
  return kind == KIT_BLOCK_SENDER || kind == KIT_BLOCK_RECIPIENT || kind == KIT_BLOCK_DATE ||
         kind == KIT_BLOCK_SIGN_OFF || kind == KIT_BLOCK_MONO || kind == KIT_BLOCK_SUBJECT ||
         kind == KIT_BLOCK_HEADING;
}

static double
laid_height (Laid *laid, guint first, guint last)
{
  return g_array_index (laid->lines, Line, last - 1).bottom -
         g_array_index (laid->lines, Line, first).top;
}

typedef struct {
  KitRenderer *self;
  GArray *page;
  double top;
  double bottom;
  double y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->top;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->page->len == 0;
}

static double
x_of (KitRenderer *self, Laid *laid)
{
  if (laid->kind == KIT_BLOCK_BULLET)
    return MARGIN + BULLET_INDENT_EM * self->base_size;
  if (laid->kind == KIT_BLOCK_SENDER)
    {
      PangoRectangle logical;
      pango_layout_get_extents (laid->layout, NULL, &logical);
      return self->width - MARGIN - (double) (logical.x + logical.width) / PANGO_SCALE;
    }
  return MARGIN;
}

static void
flow_place (Flow *flow, Laid *laid, guint first, guint last)
{
  Line *line = &g_array_index (laid->lines, Line, first);
  Piece piece = { laid, first, last, x_of (flow->self, laid), flow->y - line->top };

  g_array_append_val (flow->page, piece);
  flow->y += laid_height (laid, first, last);
}

/* How many lines from @first fit between the flow's y and the page bottom
 * (at least one, so a line taller than a page still goes somewhere). */
static guint
lines_that_fit (Flow *flow, Laid *laid, guint first)
{
  guint last = first + 1;

  while (last < laid->lines->len && flow->y + laid_height (laid, first, last + 1) <= flow->bottom)
    last++;
  return last;
}

/* A heading, a subject or a line leading into a list is kept with what
 * follows it: any headings, subjects and notes straight after it, and the
 * first two lines of the text. */
static double
kept_with_next (KitRenderer *self, guint index)
{
  double height = 0;

  for (guint j = index + 1; j < self->laid->len && j <= index + 3; j++)
    {
      Laid *next = g_ptr_array_index (self->laid, j);
      Laid *before = g_ptr_array_index (self->laid, j - 1);
      gboolean heading = next->kind == KIT_BLOCK_HEADING || next->kind == KIT_BLOCK_SUBJECT ||
                         next->kind == KIT_BLOCK_NOTE;

      height += space_before (self, next->kind, before->kind);
      height += laid_height (next, 0, heading ? next->lines->len : MIN (next->lines->len, 2));
      if (!heading)
        break;
    }
  return height;
}

static void
flow_block (Flow *flow, guint index, KitBlockKind previous)
{
  Laid *laid = g_ptr_array_index (flow->self->laid, index);
  guint n = laid->lines->len;
  guint first = 0;
  double height = laid_height (laid, 0, n);

  if (!flow_at_top (flow))
    flow->y += space_before (flow->self, laid->kind, previous);

  if (laid->keep_with_next)
    height += kept_with_next (flow->self, index);
  if (!flow_at_top (flow) && flow->y + height > flow->bottom &&
      (keeps_together (laid->kind) || n <= 3))
    flow_new_page (flow);

  while (first < n)
    {
      guint last = lines_that_fit (flow, laid, first);

      if (flow->y + laid_height (laid, first, last) > flow->bottom && !flow_at_top (flow))
        {
          flow_new_page (flow);
          continue;
        }
      /* No single first line at the foot of a page, no single last line at the top. */
      if (last < n && last - first == 1 && first == 0 && !flow_at_top (flow))
        {
          flow_new_page (flow);
          continue;
        }
      if (last == n - 1 && last - first >= 3)
        last--;
      flow_place (flow, laid, first, last);
      first = last;
      if (first < n)
        flow_new_page (flow);
    }
}

static void
paginate (KitRenderer *self)
{
  double footer_room = self->base_size * 2.0;
  Flow flow = { self, NULL, MARGIN, self->height - MARGIN, MARGIN };
  KitBlockKind previous = KIT_BLOCK_PARAGRAPH;

  /* Room for "Page 1 of 2" is kept on every page, so adding the footer
   * never moves a line. */
  flow.bottom -= footer_room * 0.5;
  flow_new_page (&flow);
  for (guint i = 0; i < self->laid->len; i++)
    {
      Laid *laid = g_ptr_array_index (self->laid, i);
      flow_block (&flow, i, previous);
      previous = laid->kind;
    }
}

KitRenderer *
kit_renderer_new (KitDocument *document)
{
  g_return_val_if_fail (KIT_IS_DOCUMENT (document), NULL);

  KitRenderer *self = g_object_new (KIT_TYPE_RENDERER, NULL);
  PangoFontDescription *font;

  self->document = kit_document_copy (document);
  kit_paper_get_size (kit_document_get_paper (document), &self->width, &self->height);
  self->base_size = kit_document_get_easy_read (document) ? 16.0 : 11.0;
  make_context (self);

  for (guint i = 0; i < kit_document_get_n_blocks (self->document); i++)
    g_ptr_array_add (self->laid,
                     lay_out_block (self, kit_document_get_block_kind (self->document, i),
                                    kit_document_get_block_text (self->document, i)));
  paginate (self);

  self->footer = pango_layout_new (self->context);
  font = font_for (self, KIT_BLOCK_NOTE);
  pango_layout_set_font_description (self->footer, font);
  pango_layout_set_width (self->footer, (int) ((self->width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_alignment (self->footer, PANGO_ALIGN_CENTER);
  pango_font_description_free (font);
  return self;
}

double
kit_renderer_get_page_width (KitRenderer *self)
{
  g_return_val_if_fail (KIT_IS_RENDERER (self), 0);
  return self->width;
}

double
kit_renderer_get_page_height (KitRenderer *self)
{
  g_return_val_if_fail (KIT_IS_RENDERER (self), 0);
  return self->height;
}

guint
kit_renderer_get_n_pages (KitRenderer *self)
{
  g_return_val_if_fail (KIT_IS_RENDERER (self), 0);
  return self->pages->len;
}

/* Drawing */

static void
draw_gap_boxes (cairo_t *cr, Piece *piece, guint index)
{
  Laid *laid = piece->laid;
  PangoLayoutLine *line = pango_layout_get_line_readonly (laid->layout, (int) index);
  Line *where = &g_array_index (laid->lines, Line, index);
  double dash = 2.0;

  for (guint g = 0; g + 1 < laid->gaps->len; g += 2)
    {
      int start = g_array_index (laid->gaps, int, g);
      int end = g_array_index (laid->gaps, int, g + 1);
      int *ranges = NULL;
      int n_ranges = 0;

      if (end <= line->start_index || start >= line->start_index + line->length)
        continue;
      pango_layout_line_get_x_ranges (line, start, end, &ranges, &n_ranges);
      for (int r = 0; r < n_ranges; r++)
        {
          double x0 = piece->x + where->x + (double) ranges[2 * r] / PANGO_SCALE;
          double x1 = piece->x + where->x + (double) ranges[2 * r + 1] / PANGO_SCALE;
          double y0 = piece->y + where->top;
          double h = where->bottom - where->top;

          cairo_rectangle (cr, x0, y0, x1 - x0, h);
          cairo_set_source_rgb (cr, 1.0, 0.95, 0.62);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.62, 0.5, 0.0);
          cairo_set_line_width (cr, 0.75);
          cairo_set_dash (cr, &dash, 1, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      g_free (ranges);
    }
}

static void
draw_bullet (KitRenderer *self, cairo_t *cr, Piece *piece)
{
  Line *first = &g_array_index (piece->laid->lines, Line, 0);
  double radius = self->base_size * 0.15;
  double centre_y = piece->y + first->baseline - self->base_size * 0.33;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_new_path (cr);
  cairo_arc (cr, piece->x - BULLET_INDENT_EM * self->base_size * 0.55, centre_y, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_piece (KitRenderer *self, cairo_t *cr, Piece *piece)
{
  Laid *laid = piece->laid;

  for (guint i = piece->first; i < piece->last; i++)
    draw_gap_boxes (cr, piece, i);
  if (laid->kind == KIT_BLOCK_BULLET && piece->first == 0)
    draw_bullet (self, cr, piece);

  cairo_set_source_rgb (cr, laid->grey, laid->grey, laid->grey);
  for (guint i = piece->first; i < piece->last; i++)
    {
      Line *where = &g_array_index (laid->lines, Line, i);
      cairo_move_to (cr, piece->x + where->x, piece->y + where->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (laid->layout, (int) i));
    }
}

static void
draw_footer (KitRenderer *self, cairo_t *cr, guint page)
{
  g_autofree char *text = NULL;
  PangoRectangle logical;

  if (self->pages->len < 2)
    return;
  /* Translators: the foot of each page of a letter or report */
  text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  pango_layout_set_text (self->footer, text, -1);
  pango_layout_get_extents (self->footer, NULL, &logical);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, MARGIN,
                 self->height - MARGIN * 0.6 - (double) logical.height / PANGO_SCALE);
  pango_cairo_show_layout (cr, self->footer);
}

void
kit_renderer_draw_page (KitRenderer *self, cairo_t *cr, guint page)
{
  g_return_if_fail (KIT_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  GArray *pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  for (guint i = 0; i < pieces->len; i++)
    draw_piece (self, cr, &g_array_index (pieces, Piece, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* PDF */

typedef struct {
  int fd;
  int error;  /* errno of the first failed write, or 0 */
} Sink;

static cairo_status_t
write_to_fd (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t n = write (sink->fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : ENOSPC;
          break;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_failed (const char *path, int saved_errno, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
                   _("The PDF could not be saved: the folder “%s” does not exist. "
                     "Choose another folder."), dir_name);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
                   _("The PDF could not be saved: this computer does not allow saving in "
                     "the folder “%s”. Choose another folder."), dir_name);
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
                   _("The PDF could not be saved: the disk is full. Make some room or "
                     "choose another place."));
      break;
    default:
      g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
                   _("The PDF “%s” could not be saved (%s). Try another folder."), name,
                   g_strerror (saved_errno));
      break;
    }
  return FALSE;
}

static gboolean
not_a_file (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
               _("The PDF could not be saved: “%s” is not a file it can replace. "
                 "Choose another name."), name);
  return FALSE;
}

static int
draw_pdf (KitRenderer *self, Sink *sink)
{
  cairo_surface_t *surface =
    cairo_pdf_surface_create_for_stream (write_to_fd, sink, self->width, self->height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  kit_document_get_title (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keep in Touch");
  for (guint page = 0; page < self->pages->len; page++)
    {
      kit_renderer_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink->error != 0)
    return sink->error;
  return status == CAIRO_STATUS_SUCCESS ? 0 : EIO;
}

gboolean
kit_renderer_write_pdf (KitRenderer *self, const char *path, GError **error)
{
  g_return_val_if_fail (KIT_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autofree char *dir = g_path_get_dirname (path);
  /* Short and fixed: a name she chose as long as the folder allows must
   * still leave room for the temporary one. */
  g_autofree char *temp = g_build_filename (dir, ".keep-in-touch-XXXXXX", NULL);
  Sink sink = { -1, 0 };
  GStatBuf st;
  int failure;

  if (!kit_document_check_complete (self->document, error))
    return FALSE;
  /* The rename would replace whatever is there: a pipe or a device (as
   * root, even /dev/null) must be left alone. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return not_a_file (path, error);

  sink.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (sink.fd < 0)
    return write_failed (path, errno, error);

  failure = draw_pdf (self, &sink);
  if (failure == 0 && fsync (sink.fd) != 0)
    failure = errno;
  if (close (sink.fd) != 0 && failure == 0)
    failure = errno;
  if (failure == 0 && g_rename (temp, path) != 0)
    failure = errno;
  if (failure != 0)
    {
      g_unlink (temp);
      return write_failed (path, failure, error);
    }
  return TRUE;
}
