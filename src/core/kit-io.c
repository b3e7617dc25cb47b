/* kit-io.c — the real file-system calls behind KitIoOps, and the switch that
 * lets tests put fault-injecting ones in their place. */

#include "kit-io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int
real_open_at (const char *path, int flags, mode_t mode)
{
  return open (path, flags | O_CLOEXEC, mode);
}

static int
real_mkstemp (char *template_path)
{
  return mkostemp (template_path, O_CLOEXEC);
}

static int
real_fsync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved;
  int ret;

  if (fd < 0)
    return -1;
  ret = fsync (fd);
  saved = errno;
  close (fd);
  errno = saved;
  return ret;
}

static const KitIoOps real_ops = {
  .open_at = real_open_at,
  .mkstemp = real_mkstemp,
  .write = write,
  .pread = pread,
  .fsync = fsync,
  .close = close,
  .rename = rename,
  .link = link,
  .unlink = unlink,
  .fsync_dir = real_fsync_dir,
};

static const KitIoOps *current_ops = &real_ops;

const KitIoOps *
kit_io_get (void)
{
  return current_ops;
}

void
kit_io_set (const KitIoOps *ops)
{
  current_ops = ops != NULL ? ops : &real_ops;
}

const KitIoOps *
kit_io_real (void)
{
  return &real_ops;
}
