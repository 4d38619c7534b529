// The UI's words for the teaching views' lab part, in both languages (merged into en.ts and
// zh-CN.ts under `lab`; zhCN has exactly en's keys).
export const en = {
  title: 'lab',
}

export const zhCN: typeof en = {
  title: 'lab',
}
