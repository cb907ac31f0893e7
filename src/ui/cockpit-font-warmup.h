/* cockpit-font-warmup.h: the fonts of the first page opened on another core while the window starts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _CockpitFontWarmup CockpitFontWarmup;

CockpitFontWarmup *cockpit_font_warmup_start          (void);
void               cockpit_font_warmup_use_in_window  (CockpitFontWarmup *warmup,
                                                       GtkWindow         *window);
gboolean           cockpit_font_warmup_has_font       (PangoFontMap      *font_map,
                                                       PangoFont         *font);
guint              cockpit_font_warmup_get_n_fonts    (PangoFontMap      *font_map);
guint              cockpit_font_warmup_wait_for_glyphs (PangoFontMap     *font_map);

G_END_DECLS
