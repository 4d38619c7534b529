// The UI's words for the teaching views' frame (the view tabs, the Diagram and Flow graph views,
// playback), in both languages (merged into en.ts and zh-CN.ts under `teach`).
export const en = {
  tabs: { packets: 'Packets', diagram: 'Diagram', flow: 'Flow graph' },
}

export const zhCN: typeof en = {
  tabs: { packets: '数据包', diagram: '时序图', flow: '流图' },
}
