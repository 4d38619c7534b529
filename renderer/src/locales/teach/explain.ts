// The UI's words for the teaching views' explain part, in both languages (merged into en.ts and
// zh-CN.ts under `explain`; zhCN has exactly en's keys).
export const en = {
  title: 'explain',
}

export const zhCN: typeof en = {
  title: 'explain',
}
