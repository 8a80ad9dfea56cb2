// A problem with how the command was called (unknown option, bad value, unreadable
// file): the CLI prints its message on one line and exits with status 2.
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit statuses: 0 done, 1 the data has errors, 2 the command could not run as asked. */
export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;
