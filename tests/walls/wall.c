/* wall.c: includes one header of another layer; tests/walls/meson.build says which and from where.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only by the walls tests (build-aux/check-wall.sh), once for each
 * pair of a layer and a header: it must not compile where the layer may
 * not use the header, and must compile where it may.
 */
#include WALL_HEADER

int wall_probe (void);

int
wall_probe (void)
{
  return 0;
}
