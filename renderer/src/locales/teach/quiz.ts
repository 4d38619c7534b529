// The UI's words for the teaching views' quiz part, in both languages (merged into en.ts and
// zh-CN.ts under `quiz`; zhCN has exactly en's keys).
export const en = {
  title: 'quiz',
}

export const zhCN: typeof en = {
  title: 'quiz',
}
