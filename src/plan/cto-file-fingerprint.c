/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-file-fingerprint"

#include "config.h"

#include <string.h>

#include "cto-file-fingerprint.h"
#include "cto-plan-io.h"

/*
 * The look is first the file's etag (the time of its last change), then
 * what no program can set back: the time its inode last changed, the inode
 * itself, the size. A program that writes the file and then restores its
 * modification time (cp -p, rsync -t) still changes those. Then, after a
 * '#', the digest of its bytes: when the look says it changed, the bytes
 * say whether anything but its metadata did (a chmod, a touch, a program
 * that syncs folders). A fingerprint without a digest, from a recovery copy
 * of an earlier version, is decided by the look alone.
 */
#define DIGEST_MARK '#'

#define LOOK_ATTRIBUTES \
  G_FILE_ATTRIBUTE_ETAG_VALUE "," \
  G_FILE_ATTRIBUTE_TIME_CHANGED "," \
  G_FILE_ATTRIBUTE_TIME_CHANGED_USEC "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
  G_FILE_ATTRIBUTE_UNIX_INODE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE

static char *
look_of (GFileInfo *info)
{
  const char *etag = g_file_info_get_etag (info);

  return g_strdup_printf ("%s/%" G_GUINT64_FORMAT ".%06u/%" G_GUINT64_FORMAT "/%" G_GOFFSET_FORMAT,
                          etag != NULL ? etag : "",
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_CHANGED),
                          g_file_info_get_attribute_uint32 (info,
                                                            G_FILE_ATTRIBUTE_TIME_CHANGED_USEC),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_size (info));
}

char *
cto_file_fingerprint_look (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, LOOK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? look_of (info) : NULL;
}

char *
cto_file_fingerprint_new (const char *look,
                          guint64     digest)
{
  g_return_val_if_fail (look != NULL, NULL);

  return g_strdup_printf ("%s%c%016" G_GINT64_MODIFIER "x", look, DIGEST_MARK, digest);
}

/* Whether what @info shows is the file @stamp was taken of, unchanged
 * since: the same inode, size and time of last modification. */
static gboolean
is_as_written (GFileInfo          *info,
               const CtoFileStamp *stamp)
{
  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE) == stamp->inode &&
         g_file_info_get_size (info) == stamp->size &&
         g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) == stamp->mtime &&
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) ==
           stamp->mtime_usec;
}

char *
cto_file_fingerprint_of_written (GFile              *file,
                                 const CtoFileStamp *stamp,
                                 guint64             digest)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *look = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  info = g_file_query_info (file, LOOK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;

  /* Written elsewhere than here, the look is all there is. */
  if (!stamp->known || is_as_written (info, stamp))
    look = look_of (info);
  else
    look = g_strdup_printf ("%" G_GUINT64_FORMAT ":%u/written/%" G_GUINT64_FORMAT "/%" G_GOFFSET_FORMAT,
                            stamp->mtime, stamp->mtime_usec, stamp->inode, stamp->size);

  return cto_file_fingerprint_new (look, digest);
}

gboolean
cto_file_fingerprint_changed (GFile       *file,
                              const char  *fingerprint,
                              char       **refreshed)
{
  g_autofree char *look = NULL;
  const char *mark;
  guint64 digest;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (refreshed != NULL && *refreshed == NULL, FALSE);

  look = cto_file_fingerprint_look (file);
  if (look == NULL)
    return FALSE;

  mark = strrchr (fingerprint, DIGEST_MARK);
  if (mark == NULL)
    return g_strcmp0 (look, fingerprint) != 0;
  if (strncmp (fingerprint, look, mark - fingerprint) == 0 && look[mark - fingerprint] == '\0')
    return FALSE;

  if (!cto_plan_io_digest_file (file, NULL, &digest, NULL) ||
      g_ascii_strtoull (mark + 1, NULL, 16) != digest)
    return TRUE;

  /* The same bytes: only what the look sees changed. */
  *refreshed = cto_file_fingerprint_new (look, digest);
  return FALSE;
}
