/* kit-io.h — the file-system calls the record code makes, behind a table that
 * tests can replace to inject faults (ENOSPC, EIO, short writes, EXDEV, …). */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

typedef struct {
  int     (*open_at)  (const char *path, int flags, mode_t mode);
  int     (*mkstemp)  (char *template_path);
  ssize_t (*write)    (int fd, const void *buf, size_t count);
  ssize_t (*pread)    (int fd, void *buf, size_t count, off_t offset);
  int     (*fsync)    (int fd);
  int     (*close)    (int fd);
  int     (*rename)   (const char *from, const char *to);
  int     (*link)     (const char *from, const char *to);
  int     (*unlink)   (const char *path);
  int     (*fsync_dir)(const char *dir);
} KitIoOps;

/* The table in use; the real calls unless a test has set another. */
const KitIoOps *kit_io_get (void);
/* Replace the table (NULL restores the real one). Tests only. */
void kit_io_set (const KitIoOps *ops);
/* The real calls, so a test table can delegate to them. */
const KitIoOps *kit_io_real (void);

G_END_DECLS
