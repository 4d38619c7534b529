// What each command does (from the menu, a shortcut or a button): one place, used by all three.
import type { MenuCommand } from '../../../preload/contract/api'
import { useCaptureStore } from '../stores/capture'
import { useConnectionsStore } from '../stores/connections'
import { useExpertStore } from '../stores/expert'
import { useFilterStore } from '../stores/filter'
import { useFollowStore } from '../stores/follow'
import { useLiveStore } from '../stores/live'
import { useMessagesStore } from '../stores/messages'
import { useSaveStore } from '../stores/save'
import { useSelectionStore } from '../stores/selection'
import { useSettingsStore } from '../stores/settings'
import { useTeachStore } from '../stores/teach'
import { useUiStore, type MainView } from '../stores/ui'

export function useCommands() {
  const capture = useCaptureStore()
  const selection = useSelectionStore()
  const settings = useSettingsStore()
  const ui = useUiStore()

  /** Electron: the native dialog; browser mode: the server's folders. */
  async function openFile(): Promise<void> {
    if (settings.serverFiles) ui.openDialog('open-server')
    else await capture.open({ kind: 'dialog' })
  }

  async function openSample(): Promise<void> {
    await capture.open({ kind: 'sample' })
  }

  async function followStream(stream = selection.stream): Promise<void> {
    if (stream < 0) {
      useMessagesStore().notify('notices.noStream')
      return
    }
    ui.openDialog('follow')
    await useFollowStore().open(stream)
  }

  async function showConversations(): Promise<void> {
    ui.openDialog('conversations')
    await useConnectionsStore().load()
  }

  /**
   * One connection's diagram (the Diagram view): the given stream, else the one shown last, else
   * the selected packet's, else the first connection.
   */
  async function showDiagram(stream?: number): Promise<void> {
    if (ui.dialog) ui.closeDialog()
    ui.showView('diagram')
    const teach = useTeachStore()
    const chosen = stream ?? teach.stream ?? (selection.stream >= 0 ? selection.stream : 0)
    if (teach.stream === chosen && teach.narrative) return
    await teach.open(chosen)
  }

  function showView(view: MainView): Promise<void> | void {
    if (view === 'diagram') return showDiagram()
    ui.showView(view)
  }

  /**
   * Filters on one connection (`tcp.stream == N`, written in the bar for the user to see) and
   * selects its first packet; −1 or undefined: every packet again.
   */
  async function filterOnStream(stream: number | undefined, firstFrame?: number): Promise<void> {
    const applied = await useFilterStore().filterOnStream(stream)
    if (applied && firstFrame !== undefined) await selection.selectFrame(firstFrame)
  }

  /** Selects a frame wherever it is; says so when the current view does not hold it. */
  async function goToFrame(frame: number): Promise<void> {
    const found = await selection.selectFrame(frame)
    if (found && selection.position < 0) useMessagesStore().notify('notices.notInView', { frame })
  }

  /**
   * Starts at once with the last capture's options (Shift+Start, 'capture-start'); the Capture
   * dialog when there are none yet, or to explain why it could not start.
   */
  async function startCapture(): Promise<void> {
    const live = useLiveStore()
    if (!live.lastOptions) return ui.openDialog('capture')
    if (!(await live.startLast()) && live.problem) ui.openDialog('capture')
  }

  /** The commands of live capture and of making traffic: they need no capture open. */
  function runCaptureCommand(command: MenuCommand): Promise<unknown> | void {
    const live = useLiveStore()
    switch (command) {
      case 'capture-options':
        return ui.openDialog('capture')
      case 'capture-start':
        return startCapture()
      case 'capture-stop':
        return live.stopCapture()
      case 'capture-restart':
        return live.restart()
      case 'demo-connection':
        return ui.openDialog('demo')
      case 'connect-to':
        return ui.openDialog('connect')
    }
  }

  /** Save, Save As, Export Specified Packets: they need a capture. */
  function runSaveCommand(command: MenuCommand): Promise<unknown> | void {
    const save = useSaveStore()
    if (command === 'save') return save.save()
    if (command === 'save-as') return save.saveAs(false)
    if (command === 'export-specified') return save.exportSpecified()
  }

  const CAPTURE_COMMANDS: ReadonlySet<MenuCommand> = new Set(['capture-options', 'capture-start', 'capture-stop', 'capture-restart', 'demo-connection', 'connect-to'])
  const SAVE_COMMANDS: ReadonlySet<MenuCommand> = new Set(['save', 'save-as', 'export-specified'])

  async function run(command: MenuCommand): Promise<void> {
    if (command === 'open-file') return openFile()
    if (command === 'show-shortcuts') return ui.openDialog('shortcuts')
    if (command === 'show-about') return ui.openDialog('about')
    if (CAPTURE_COMMANDS.has(command)) {
      await runCaptureCommand(command)
      return
    }
    if (!capture.hasCapture) return
    if (SAVE_COMMANDS.has(command)) {
      await runSaveCommand(command)
      return
    }
    switch (command) {
      case 'go-next':
        return selection.move(1)
      case 'go-previous':
        return selection.move(-1)
      case 'go-first':
        return selection.first()
      case 'go-last':
        return selection.last()
      case 'go-to-packet':
        return ui.openDialog('go-to-packet')
      case 'show-conversations':
        return showConversations()
      case 'show-expert':
        ui.openDialog('expert')
        return useExpertStore().load()
      case 'follow-stream':
        return followStream()
      case 'view-packets':
        return showView('packets')
      case 'view-diagram':
        return showView('diagram')
      case 'view-flow':
        return showView('flow')
    }
  }

  return { run, openFile, openSample, startCapture, followStream, showConversations, showDiagram, filterOnStream, goToFrame }
}
