// What `tcplens serve` prints, in English and 简体中文 (the system's language, as `explain`).
import type { Lang } from '../../preload/contract/dto'

export interface ServeMessages {
  sample: string
  serving(what: string, url: string): string
  /** The folders the page may browse, open and save in. */
  sharing(folders: readonly string[]): string
  noFolder(path: string): string
  stopping: string
  notBuilt(indexHtml: string): string
  portInUse(port: number): string
  browserFailed(detail: string): string
}

export const SERVE_MESSAGES: Record<Lang, ServeMessages> = {
  en: {
    sample: 'the sample capture',
    serving: (what, url) =>
      `TCP Lens is serving ${what} in your browser at:\n\n    ${url}\n\n` +
      'This address is for this machine only: it carries a secret token, do not share it.\n' +
      'Press Ctrl+C to stop.\n',
    sharing: (folders) => `The page may open and save files only in: ${folders.join(', ')} (choose with --root DIR).\n`,
    noFolder: (path) => `--root ${path}: no such folder`,
    stopping: 'Stopping.\n',
    notBuilt: (indexHtml) => `the browser interface is not built (${indexHtml} is missing): run npm run build`,
    portInUse: (port) => `port ${port} is in use: choose another with --port N, or --port 0 for any free port`,
    browserFailed: (detail) => `could not open a browser (${detail}); open the address above yourself`,
  },
  'zh-CN': {
    sample: '示例抓包',
    serving: (what, url) =>
      `TCP Lens 正在浏览器中提供 ${what}，地址：\n\n    ${url}\n\n` +
      '此地址仅供本机使用：其中含有秘密令牌，请勿分享。\n' +
      '按 Ctrl+C 停止。\n',
    sharing: (folders) => `页面只能在这些文件夹中打开和保存文件：${folders.join('、')}（用 --root DIR 指定）。\n`,
    noFolder: (path) => `--root ${path}：没有这个文件夹`,
    stopping: '正在停止。\n',
    notBuilt: (indexHtml) => `浏览器界面尚未构建（缺少 ${indexHtml}）：请运行 npm run build`,
    portInUse: (port) => `端口 ${port} 已被占用：请用 --port N 指定其他端口，或用 --port 0 自动选择空闲端口`,
    browserFailed: (detail) => `无法打开浏览器（${detail}）；请自行打开上面的地址`,
  },
}
