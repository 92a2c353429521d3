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
cmd-map-info = map properties change
cmd-persona = persona change
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

# paste
notice-paste-no-cell = Select a cell or a card to paste into.
notice-paste-left-out = { $count ->
    [one] One line or card was too much for one paste and was left out.
   *[other] { $count } lines or cards were too much for one paste and were left out.
}
notice-paste-shortened = { $count ->
    [one] One pasted line was longer than 2,000 characters and was shortened.
   *[other] { $count } pasted lines were longer than 2,000 characters and were shortened.
}

# unknown fields
unknown-fields-banner = ⚠ This map has { $count ->
    [one] a field
   *[other] { $count } fields
} this version of journeymap does not know (from a newer version, or a typo). { $count ->
    [one] It is
   *[other] They are
} kept as written when you save.
unknown-fields-details = Which fields?
unknown-fields-close = Got it
unknown-field = Line { $line }: { $path }
unknown-field-typo = Line { $line }: { $path } (did you mean “{ $known }”?)

# changed on disk
status-reloaded = Reloaded { $file }: it changed on disk
disk-changed-title = The file changed on disk
disk-changed-body = Someone (another window, a sync tool, a git pull) changed the file of “{ $title }” since you opened or saved it here. Saving now would replace their version.
disk-changed-overwrite = Replace it with mine
disk-changed-save-as = Save as a new file…
disk-changed-reload = Reload from disk (drop my changes)
disk-changed-banner = ⚠ The file changed on disk since you opened it. Your unsaved changes are still here.
disk-changed-keep = Keep my version

# load errors and reasons
io-not-found = the file does not exist
io-permission = permission denied
io-is-folder = it is a folder
io-not-folder = a part of the path is not a folder
io-disk-full = the disk is full
io-read-only-fs = the disk is read-only
io-too-large = the file is too large
io-bad-name = the name is not valid here
load-io = { $file }: cannot read: { $reason }
load-too-large = { $file }: too large to be a journey map ({ $size } bytes; the limit is { $limit } bytes)
load-empty = { $file }: the file is empty
load-nul = { $file }:{ $line }:{ $column }: not a text file (it contains NUL bytes); is it a journey map?
load-not-utf8 = { $file }:{ $line }:{ $column }: not a text file (invalid UTF-8); is it a journey map?
load-syntax = { $file }:{ $line }:{ $column }: { $message }
load-newer = { $file }: made by a newer journeymap (file format { $found }; this version reads up to { $supported }). Update journeymap to open it.
load-unknown-format = { $file }: unknown file format version { $found }

# save errors
save-serialize = cannot save { $file }: { $message }
save-missing-folder = cannot save { $file }: the folder { $folder } does not exist; create it or choose another folder with Save As
save-is-folder = cannot save { $file }: it is a folder, not a file; choose a file name with Save As
save-read-only = cannot save { $file }: the file is read-only; use Save As to save a copy, or make the file writable first
save-link-loop = cannot save { $file }: it is a loop or too long a chain of symbolic links; use Save As to choose the file
save-disk-full = cannot save { $file }: the disk is full; free some space or use Save As to save on another disk. The file on disk was not changed.
save-io = cannot save { $file }: { $what }: { $reason }; try again or use Save As. The file on disk was not changed.
save-backup = saved { $file }, but could not keep the previous version as { $backup }: { $reason }; the older .bak is still there
save-step-attributes = cannot read the file's attributes
save-step-folder-is-file = its folder is a file
save-step-temp = cannot create a temporary file in its folder
save-step-write = cannot write the temporary file
save-step-permissions = cannot set the permissions of the temporary file
save-step-flush = cannot flush the temporary file to disk
save-step-copy = cannot copy the previous version
save-step-replace = cannot replace the file
save-step-link = cannot read the symbolic link
save-warning = Saved, with a warning

# repairs made while loading (the same sentences as `journeymap check`)
subject-map = map
subject-persona = persona
subject-stage = stage "{ $name }"
subject-stage-id = stage { $id } "{ $name }"
subject-step = a step of stage "{ $stage }"
subject-step-id = step { $id } of stage "{ $stage }"
subject-lane = lane "{ $name }"
subject-lane-id = lane { $id } "{ $name }"
subject-card = card "{ $name }"
subject-card-id = card { $id } "{ $name }"
subject-pain = pain point "{ $name }"
subject-curve = curve "{ $name }"
subject-curve-id = curve { $id } "{ $name }"
subject-point = curve { $id } "{ $name }" point at { $step }
warn-text-cleaned-one = { $subject } { $field }: removed 1 control character
warn-text-cleaned = { $subject } { $field }: removed { $count } control characters
warn-next-id-too-large = next_id { $found } is above the largest id number ({ $max }); set to { $fixed }
warn-id-control = id { $id } contains control characters; renumbered to { $new } and updated the links to it
warn-id-too-large = id { $id } is above the largest id number ({ $max }); renumbered to { $new } and updated the links to it
warn-ids-compacted = ids reach the largest id number ({ $max }); renumbered every id from 1 and updated the links
warn-goals = the map has { $count } business goals; keep it to 1–3 so the map stays focused
warn-cadence = review cadence of { $found } months is out of range 1–36; set to { $fixed }
warn-language = the content language is empty; set to "en"
warn-next-id-low = next_id { $found } is not above the highest id in use ({ $highest }); set to { $fixed }
warn-no-id = { $subject } has no id; gave it { $fresh }
warn-id-twice = id { $id } is used twice; the second one ({ $subject }) is now { $fresh }
warn-stage-no-steps = { $subject } has no steps; added step { $step }
warn-card-step = { $subject } is in step { $step }, which does not exist; moved to step { $target }
warn-card-emotion-lane = { $subject } is in { $lane }, an emotion lane, which shows curves, not cards; moved to lane { $target }
warn-card-lane = { $subject } is in { $lane }, a lane that does not exist; moved to lane { $target }
warn-severity = { $subject }: severity { $found } is out of range 1–5; set to { $fixed }
warn-metric-missing = { $subject }: evidence points at metric card { $id }, which does not exist; kept as text
warn-impact = { $subject }: impact { $found } is out of range 1–5; set to { $fixed }
warn-effort = { $subject }: effort { $found } is out of range 1–5; set to { $fixed }
warn-link-removed = { $subject }: link to { $id } removed: it is not a pain point of this map, or is listed twice
warn-unpinned = { $subject } was pinned to something that is not in its step (or not in the map); unpinned it
warn-point-twice = { $subject } had a second point for the same step ({ $step }); removed it
warn-point-no-step = { $subject } had a point for a step that does not exist ({ $step }); removed it
warn-score-nan = { $subject }: the score at { $step } is not a number; set to 0
warn-score-range = { $subject }: score { $found } at { $step } is out of range −2 to +2; set to { $fixed }
warn-kept-field-lost = the unknown field { $field } belongs to an element whose id had to be repaired; it will not be saved
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

# Workshop view, fit and the inspector strip (issue 10, view part)
view-workshop = Workshop view
view-workshop-hint = Larger text and controls for a projector; hides the side panels. Remembered for this map.
tool-workshop = 🖥 Workshop
insp-open = Open the inspector. Select a card, stage, step or lane to edit it here.
insp-fold = Fold the inspector into a strip while nothing is selected

# Edit where you see it: the map's heading in the top bar (issue 10)
heading-title-hint = Double-click to rename the map
heading-title-edit = Map title
heading-type-hint = Double-click to change the map type
heading-persona-hint = Click to show or hide the persona; double-click to rename the persona
heading-persona-edit = Persona name

# Customer data in the map: repairs, undo labels, metric names, measured evidence (issue 11, core part)
warn-alias-missing = { $subject }: the alias "{ $value }" points at card { $id }, which does not exist; removed it
warn-target-missing = { $subject }: the { $metric } target of { $id }, which does not exist, was removed
warn-target-nan = { $subject }: the { $metric } target of { $id } is not a number; removed it
warn-target-range = { $subject }: the { $metric } target { $found } of { $id } is out of range { $range }; set to { $fixed }
warn-snapshot-card-missing = { $subject }: "{ $value }" was matched to card { $id }, which does not exist; it is unmatched now
warn-snapshot-stage-missing = { $subject }: stage "{ $value }" was matched to stage { $id }, which does not exist; it is unmatched now
warn-metric-nan = { $subject }: { $metric } of "{ $value }" is not a number; removed it
warn-metric-range = { $subject }: { $metric } { $found } of "{ $value }" is out of range { $range }; set to { $fixed }
warn-measured-missing = { $subject }: evidence points at the { $metric } of card { $id }, which does not exist; removed it
subject-metrics = customer data
subject-snapshot = data import { $number } "{ $file }"
cmd-add-metric-snapshot = import customer data
cmd-delete-metric-snapshot = delete data import
cmd-set-alias = assign data value to card
cmd-remove-alias = unassign data value
cmd-ignore-value = ignore data value
cmd-unignore-value = stop ignoring data value
cmd-set-target = set target
cmd-remove-target = remove target
cmd-import-settings = save import settings
cmd-add-measured-pain = add pain point from data
metric-events = Events
metric-customers = Customers
metric-conversion-rate = Conversion
metric-csat = CSAT
metric-nps = NPS
metric-continuation = Continuation
measured-value = { $metric } { $value } — { $card }
measured-value-target = { $metric } { $value } (target { $target }) — { $card }
measured-value-overall = { $metric } { $value } (overall { $overall }) — { $card }
measured-no-data = { $metric }: no data — { $card }
metric-pain-missed = { $metric } misses its target at { $card }
metric-pain-below = { $metric } below the overall rate at { $card }
insp-evidence-measured = Measured
insp-measured-hint = The latest imported number of this touchpoint; it follows every re-import.
