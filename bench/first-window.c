/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts a command and prints, in milliseconds, how long it took until the
 * X server mapped its first top-level window; then ends the command. For
 * bench/startup.sh, on a display with no window manager (Xvfb), where a
 * top-level window is a child of the root window and its MapNotify is the
 * moment it can first be drawn.
 *   first-window TIMEOUT-SECONDS COMMAND [ARGUMENT…] */
#include <X11/Xlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return (double) now.tv_sec * 1000.0 + (double) now.tv_nsec / 1e6;
}

static pid_t
start (char **argv)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      execvp (argv[0], argv);
      perror (argv[0]);
      _exit (127);
    }
  return pid;
}

/* Waits for a window mapped on the root; FALSE when the deadline passes or
 * the command ends first. */
static int
wait_for_map (Display *display,
              pid_t    pid,
              double   deadline)
{
  int fd = ConnectionNumber (display);

  while (now_ms () < deadline)
    {
      struct timeval tick = { 0, 10000 };
      fd_set readable;

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            return 1;
        }
      if (waitpid (pid, NULL, WNOHANG) == pid)
        return 0;
      FD_ZERO (&readable);
      FD_SET (fd, &readable);
      select (fd + 1, &readable, NULL, NULL, &tick);
    }
  return 0;
}

int
main (int argc, char **argv)
{
  Display *display;
  double started;
  pid_t pid;
  int mapped;

  if (argc < 3)
    {
      fprintf (stderr, "usage: first-window TIMEOUT-SECONDS COMMAND [ARGUMENT…]\n");
      return 2;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "first-window: cannot open the display\n");
      return 2;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  started = now_ms ();
  pid = start (argv + 2);
  mapped = wait_for_map (display, pid, started + atof (argv[1]) * 1000.0);
  if (mapped)
    printf ("%.1f\n", now_ms () - started);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XCloseDisplay (display);
  if (!mapped)
    {
      fprintf (stderr, "first-window: %s mapped no window\n", argv[2]);
      return 1;
    }
  return 0;
}
