// English messages of sync (issue 6): settings, status, conflicts. Spread into en.ts; sync-zh.ts is typed against these keys.
export const syncEn = {
  'error.sync.url': 'Enter the address of the shared folder, starting with http:// or https://.',
  'error.sync.interval': 'Enter whole minutes from {min} to {max} (0 = only on reconnect and by hand).',
  'error.sync.bookId': 'This is not a book id: copy it from the other device\'s sync settings.',
  'error.sync.bookExists': 'This book is already on this device.',
  'error.sync.notConfigured': 'Sync is not set up for this book.',
  'error.sync.failed': 'Sync failed: {detail}',
  'action.sync.merge': 'Merged changes from another device',
  'actionLabel.sync.merge': 'Changes from another device',
} as const;
