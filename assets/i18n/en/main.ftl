# Main window: menus, commands, status bar, prompts, canvas.

app-name = journeymap
untitled = untitled

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-map = Map
file-new = New from template…
file-open = Open…
file-open-sample = Open a sample
file-recent = Open recent
file-recent-empty = No recent files
file-save = Save
file-save-as = Save as…
file-close = Close map
file-quit = Quit
edit-undo = Undo
edit-undo-what = Undo { $what }
edit-redo = Redo
edit-redo-what = Redo { $what }
edit-nothing = nothing
edit-cut = Cut
edit-copy = Copy
edit-paste = Paste
edit-duplicate = Duplicate
edit-delete = Delete
edit-select-all = Select all cards
view-zoom-in = Zoom in
view-zoom-out = Zoom out
view-zoom-reset = Actual size
view-fit = Fit
view-fit-hint = Show the whole map
view-inspector = Inspector
view-persona = Persona
view-theme = Theme
view-theme-light = Light
view-theme-dark = Dark
view-theme-system = Follow the system
view-language = Language
map-properties = Map properties…
map-add-stage = Add stage
map-add-lane = Add lane

## Undoable commands, as shown after "Undo"/"Redo"
cmd-map-info = map properties
cmd-persona = persona
cmd-add-stage = add stage
cmd-set-stage = stage change
cmd-move-stage = move stage
cmd-delete-stage = delete stage
cmd-add-step = add step
cmd-rename-step = rename step
cmd-delete-step = delete step
cmd-add-lane = add lane
cmd-set-lane = lane change
cmd-move-lane = move lane
cmd-delete-lane = delete lane
cmd-add-card = add card
cmd-edit-card = card edit
cmd-move-cards = move cards
cmd-delete-cards = delete cards
cmd-insert-cards = paste cards
cmd-add-pinned-pain = add pinned pain point
cmd-add-curve = add curve
cmd-set-curve = edit curve
cmd-delete-curve = delete curve
cmd-set-point = change emotion point
cmd-delete-point = delete emotion point
cmd-vote = vote
cmd-unvote = remove vote
cmd-mark-reviewed = mark as reviewed

## Status bar
status-counts = { $stages } { $stages ->
        [one] stage
       *[other] stages
    } · { $steps } { $steps ->
        [one] step
       *[other] steps
    } · { $lanes } { $lanes ->
        [one] lane
       *[other] lanes
    } · { $cards } { $cards ->
        [one] card
       *[other] cards
    }
status-selected = { $count } selected
status-repaired = ⚠ { $count } { $count ->
        [one] problem
       *[other] problems
    } repaired while loading
status-saved = Saved { $file }
status-autosaved = Recovery copy saved
status-unsaved = Unsaved changes

## Canvas
canvas-label = Map canvas: { $title }
canvas-new-stage = New stage
canvas-new-step = New step
canvas-add-stage-hint = Add a stage
canvas-add-lane-hint = Add a lane
card-label = Card: { $text }
card-empty = (empty card)
stage-label = Stage: { $name }
step-label = Step: { $name }
lane-label = Lane: { $name }
ctx-rename = Rename
ctx-color = Colour
ctx-color-default = Default
ctx-add-step = Split: add a step
ctx-add-stage-before = Add stage before
ctx-add-stage-after = Add stage after
ctx-delete-stage = Delete stage
ctx-delete-step = Delete step
ctx-add-lane-below = Add lane below
ctx-collapse = Collapse
ctx-expand = Expand
ctx-delete-lane = Delete lane
ctx-edit = Edit text
ctx-channel = Channel
ctx-online = Online
ctx-custom-channel = Custom…
inplace-card = Card text
inplace-stage = Stage name
inplace-step = Step name
inplace-lane = Lane name
line-of-visibility = Line of visibility

## Lane kinds
lane-kind-touchpoints = Touchpoints
lane-kind-actions = Actions
lane-kind-thoughts = Thoughts
lane-kind-emotions = Emotions
lane-kind-pain-points = Pain points
lane-kind-opportunities = Opportunities
lane-kind-metrics = Metrics
lane-kind-text = Free text
lane-kind-frontstage = Frontstage
lane-kind-backstage = Backstage
lane-kind-support = Support processes

## Map types
map-type-current = Current state
map-type-future = Future state
map-type-day = Day in the life
map-type-blueprint = Service blueprint

## Colours
color-yellow = Yellow
color-orange = Orange
color-red = Red
color-pink = Pink
color-purple = Purple
color-blue = Blue
color-teal = Teal
color-green = Green
color-gray = Grey

## Prompts
unsaved-title = Unsaved changes
unsaved-body = “{ $title }” has changes that are not saved. Save them first?
unsaved-save = Save
unsaved-discard = Don't save
unsaved-cancel = Cancel
recovery-title = Restore unsaved work?
recovery-restore = Restore
recovery-discard = Discard
error-title = Something went wrong
error-ok = OK
open-failed = Could not open the map
save-failed = Could not save the map
drop-not-ron = Only .ron journey maps can be opened here: { $file }

# recovery
recovery-list-body = journeymap closed without saving these maps. Restore one to keep working on it, or discard what you do not need.
recovery-untitled = (untitled map)
recovery-file = File: { $file }
recovery-not-saved = Not saved to a file yet
recovery-changed = Last change: { $when }
recovery-unreadable = This copy cannot be read: { $reason }
recovery-later = Decide later
recovery-later-hint = Copies you keep are offered again at the next start.
recovery-discard-failed = Could not discard the recovery copy: { $error }
status-restored = Restored “{ $title }” from its recovery copy: save it to keep it
status-autosave-failed = Recovery copy not saved: { $error }
