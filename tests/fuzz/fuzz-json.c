/* fuzz-json.c: a libFuzzer target for the model's strict JSON parsing and decoding.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input goes through cockpit_json_parse() and, when it is JSON,
 * through cockpit_json_decode() as each model type and through the list
 * envelopes of the contract.  What decodes must encode, decode again and
 * update an object in place.  Any warning or critical aborts, so that the
 * fuzzer reports it like a crash: decoding must never log one.
 *
 * Build and run it with build-aux/run-fuzz.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cockpit-model.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static GLogWriterOutput
fatal_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_default (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (fatal_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static GType
model_type (guint i)
{
  switch (i)
    {
    case 0: return COCKPIT_TYPE_PACKAGE;
    case 1: return COCKPIT_TYPE_ACTION;
    case 2: return COCKPIT_TYPE_ENVIRONMENT;
    case 3: return COCKPIT_TYPE_ACTIVITY_ENTRY;
    case 4: return COCKPIT_TYPE_NOTIFICATION;
    case 5: return COCKPIT_TYPE_RELEASE;
    case 6: return COCKPIT_TYPE_USER;
    case 7: return COCKPIT_TYPE_STAGE;
    case 8: return COCKPIT_TYPE_BACKUP;
    case 9: return COCKPIT_TYPE_UPGRADE_BACKUP;
    case 10: return COCKPIT_TYPE_ACTION_ERROR;
    default: return G_TYPE_INVALID;
    }
}

/* What decoded must survive a round trip and an update in place. */
static void
check_object (GObject *object)
{
  g_autoptr(JsonNode) encoded = cockpit_json_encode (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) copy = NULL;
  g_autoptr(GObject) fresh = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) reparsed = NULL;

  copy = cockpit_json_decode (G_OBJECT_TYPE (object), encoded, &error);
  if (copy == NULL)
    g_error ("%s does not decode what it encoded: %s", G_OBJECT_TYPE_NAME (object), error->message);

  text = cockpit_json_to_string (encoded, FALSE);
  reparsed = cockpit_json_parse (text, -1, &error);
  if (reparsed == NULL)
    g_error ("%s encodes text that does not parse: %s", G_OBJECT_TYPE_NAME (object), error->message);

  /* Updating a blank object brings it to the same JSON. */
  fresh = g_object_new (G_OBJECT_TYPE (object), NULL);
  cockpit_json_update (fresh, copy);
  {
    g_autoptr(JsonNode) again = cockpit_json_encode (fresh);

    if (!json_node_equal (again, encoded))
      g_error ("%s: cockpit_json_update() lost something", G_OBJECT_TYPE_NAME (object));
  }
  cockpit_json_update (object, fresh);
}

static void
check_list (GListStore *list,
            GType       item_type)
{
  g_autoptr(JsonNode) encoded = NULL;
  g_autoptr(GListStore) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (g_list_model_get_item_type (G_LIST_MODEL (list)) == item_type);
  encoded = cockpit_json_encode_list (G_LIST_MODEL (list));
  copy = cockpit_json_decode_list (item_type, encoded, &error);
  if (copy == NULL)
    g_error ("a list of %s does not decode what it encoded: %s", g_type_name (item_type), error->message);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (copy)) == g_list_model_get_n_items (G_LIST_MODEL (list)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const struct {
    guint       type;
    const char *member;
  } envelopes[] = {
    { 0, "packages" }, { 5, "releases" }, { 5, "versions" }, { 1, "actions" },
    { 3, "entries" }, { 4, "notifications" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* The small helpers that read strings from the wire, on the raw text. */
  if (size < 256)
    {
      g_autofree char *text = g_strndup ((const char *) data, size);
      g_autoptr(GDateTime) time = cockpit_date_time_parse (text);
      CockpitVersion version;

      if (time != NULL)
        {
          g_autofree char *formatted = cockpit_date_time_format (time);
          g_autoptr(GDateTime) back = cockpit_date_time_parse (formatted);

          g_assert (back != NULL);
        }
      if (cockpit_version_parse (text, &version, NULL))
        {
          g_autofree char *again = cockpit_version_to_string (&version);
          CockpitVersion reparsed;

          g_assert (cockpit_version_parse (again, &reparsed, NULL));
          g_assert (cockpit_version_compare (&version, &reparsed) == 0);
        }
    }

  root = cockpit_json_parse ((const char *) data, (gssize) size, &error);
  if (root == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  g_assert (error == NULL);

  for (guint i = 0; model_type (i) != G_TYPE_INVALID; i++)
    {
      g_autoptr(GError) decode_error = NULL;
      g_autoptr(GObject) object = cockpit_json_decode (model_type (i), root, &decode_error);
      g_autoptr(GListStore) list = NULL;

      g_assert ((object == NULL) != (decode_error == NULL));
      if (object != NULL)
        check_object (object);
      g_clear_error (&decode_error);

      list = cockpit_json_decode_list (model_type (i), root, &decode_error);
      g_assert ((list == NULL) != (decode_error == NULL));
      if (list != NULL)
        check_list (list, model_type (i));
    }

  for (guint i = 0; i < G_N_ELEMENTS (envelopes); i++)
    {
      g_autoptr(GError) decode_error = NULL;
      GType type = model_type (envelopes[i].type);
      g_autoptr(GListStore) list = cockpit_json_decode_member_list (type, root, envelopes[i].member, &decode_error);

      g_assert ((list == NULL) != (decode_error == NULL));
      if (list != NULL)
        check_list (list, type);
    }

  return 0;
}
