// firstpixel: waits until given points of the X display ($DISPLAY) all show one colour, then
// prints the wall-clock time (Unix epoch, microseconds) at which it saw them, and exits 0.
// bench/compare.sh uses it to time "first frame visible": it is started before the program under
// test and polls every 2 ms with a 1x1 XGetImage of the root window per point, which costs next
// to nothing (ImageMagick's `import -window root` costs ~40 ms of CPU and ~70 ms a call here,
// too coarse and too heavy for this).
//
//   firstpixel RRGGBB TOLERANCE TIMEOUT_MS X,Y [X,Y ...]
//
// Exit 1 on timeout (prints the last colours seen on stderr), 2 on bad usage.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_us(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int quiet_error(Display* d, XErrorEvent* e) {
  (void)d;
  (void)e;
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: firstpixel RRGGBB TOLERANCE TIMEOUT_MS X,Y [X,Y ...]\n");
    return 2;
  }
  unsigned long want = strtoul(argv[1], NULL, 16);
  int tolerance = atoi(argv[2]);
  long long deadline = now_us(CLOCK_MONOTONIC) + atoll(argv[3]) * 1000;
  int n = argc - 4;
  int xs[64], ys[64];
  if (n > 64) n = 64;
  for (int i = 0; i < n; ++i)
    if (sscanf(argv[4 + i], "%d,%d", &xs[i], &ys[i]) != 2) return 2;

  Display* display = NULL;
  const struct timespec pause = {0, 2 * 1000 * 1000};
  while (!(display = XOpenDisplay(NULL))) {
    if (now_us(CLOCK_MONOTONIC) > deadline) return 1;
    nanosleep(&pause, NULL);
  }
  XSetErrorHandler(quiet_error);
  Window root = DefaultRootWindow(display);
  unsigned long seen[64] = {0};
  while (now_us(CLOCK_MONOTONIC) < deadline) {
    int matching = 0;
    for (int i = 0; i < n; ++i) {
      XImage* image = XGetImage(display, root, xs[i], ys[i], 1, 1, AllPlanes, ZPixmap);
      if (!image) break;
      unsigned long p = XGetPixel(image, 0, 0);
      XDestroyImage(image);
      seen[i] = p & 0xFFFFFF;
      int dr = (int)((p >> 16) & 0xFF) - (int)((want >> 16) & 0xFF);
      int dg = (int)((p >> 8) & 0xFF) - (int)((want >> 8) & 0xFF);
      int db = (int)(p & 0xFF) - (int)(want & 0xFF);
      if (abs(dr) > tolerance || abs(dg) > tolerance || abs(db) > tolerance) break;
      ++matching;
    }
    if (matching == n) {
      printf("%lld\n", now_us(CLOCK_REALTIME));
      return 0;
    }
    nanosleep(&pause, NULL);
  }
  for (int i = 0; i < n; ++i) fprintf(stderr, "firstpixel: %d,%d is #%06lX\n", xs[i], ys[i], seen[i]);
  return 1;
}
