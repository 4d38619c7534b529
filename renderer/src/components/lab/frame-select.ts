// A frame link in the lab assistant: a frame that is a step of the open connection selects the
// step (the diagram and the explanation follow); any other frame is selected in the list.
import { useSelectionStore } from '../../stores/selection'
import { useTeachStore } from '../../stores/teach'

export async function selectLabFrame(frame: number): Promise<void> {
  const teach = useTeachStore()
  const index = teach.steps.findIndex((s) => s.frame === frame)
  if (index >= 0) await teach.selectStep(index)
  else await useSelectionStore().selectFrame(frame)
}
