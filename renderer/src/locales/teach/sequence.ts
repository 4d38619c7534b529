// The UI's words for the teaching views' sequence part, in both languages (merged into en.ts and
// zh-CN.ts under `sequence`; zhCN has exactly en's keys).
export const en = {
  title: 'sequence',
}

export const zhCN: typeof en = {
  title: 'sequence',
}
