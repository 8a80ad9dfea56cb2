// 同步（issue 6）的中文文案，与 sync-en.ts 的键一一对应。
import type { syncEn } from './sync-en';

export const syncZh: { readonly [K in keyof typeof syncEn]: string } = {
  'error.sync.url': '请输入共享文件夹的地址，以 http:// 或 https:// 开头。',
  'error.sync.interval': '请输入 {min} 到 {max} 之间的整数分钟（0 表示只在恢复联网时和手动同步）。',
  'error.sync.bookId': '这不是账套编号：请从另一台设备的同步设置中复制。',
  'error.sync.bookExists': '此账套已在本设备上。',
  'error.sync.notConfigured': '此账套尚未设置同步。',
  'error.sync.failed': '同步失败：{detail}',
  'action.sync.merge': '合并了另一台设备的更改',
  'actionLabel.sync.merge': '来自另一台设备的更改',
};
