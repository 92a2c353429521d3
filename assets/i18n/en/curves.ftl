# Emotion curves, pain markers and workshop voting on the canvas.
curve-add = Add curve
curve-default-name = As-is
curve-new-name = Curve { $n }
curve-legend-shown = Curve: { $name } (shown)
curve-legend-hidden = Curve: { $name } (hidden)
curve-legend-hint = Click the circle to show or hide; click the name to edit in the inspector.
point-label = Emotion point: { $curve }, { $step }
point-drag-hint = Drag up or down (Shift: no snapping) · right-click for emoji and more
emoji-auto = Automatic (from the score)
ctx-emoji = Emoji
ctx-add-pain-here = Add a pain point here
ctx-add-pain-needs-lane = Add a pain-point lane first.
ctx-delete-point = Delete point
ctx-show-curve = Show curve
ctx-hide-curve = Hide curve
ctx-delete-curve = Delete curve
card-label-votes = Card: { $text } ({ $votes } votes)
vote-hint = Click: add a vote · right-click: remove one
feeling-0 = furious
feeling-1 = unhappy
feeling-2 = neutral
feeling-3 = content
feeling-4 = delighted
feeling-5 = in love
feeling-6 = thrilled
feeling-7 = relieved
feeling-8 = unsure
feeling-9 = confused
feeling-10 = worried
feeling-11 = frustrated
feeling-12 = exhausted
feeling-13 = sad
feeling-14 = shocked
feeling-15 = bored
feeling-16 = celebrating
feeling-17 = surprised
feeling-18 = overwhelmed
feeling-19 = money worries
insp-curve = Emotion curve
insp-curve-points = { $points } of { $steps } { $steps ->
        [one] step has
       *[other] steps have
    } a point
insp-curve-name-hint = As-is, to-be, a segment…
insp-curve-shown = Shown on the map
insp-curve-help = Click an empty step in the emotion lane to add a point to this curve; drag a point to change it.
insp-point = Emotion point
insp-score = Score (−2 to +2)
insp-note = Note
insp-note-hint = What the customer feels here, in their words
insp-point-pains = Pain points pinned here
insp-point-no-pains = None yet.
insp-anchor = Pinned to
insp-anchor-none = Not pinned (its step)
view-review = Pain-point review
view-matrix = Priority matrix
view-voting = Voting mode
tool-review = ⚠ Review
tool-matrix = ▦ Matrix
tool-voting = ● Vote
voting-title = Voting mode
voting-totals = Votes cast: { $pains } on pain points, { $opportunities } on opportunities
voting-done = Done voting
map-mark-reviewed = Mark as reviewed today
review-due-badge = ⏰ Review due
review-due-hint = Last reviewed { $date }; this map should be reviewed every { $months ->
        [one] month
       *[other] { $months } months
    }. Click to mark it reviewed.
status-exported = Exported { $file }
export-failed = Could not export
insp-add-pain-here = New pain point pinned to this point
insp-delete-point = Delete this point
point-moment-of-pain = ⚠ Moment of pain: the lowest point of this curve
marker-label = Pain marker: { $count ->
    [one] one pain point
   *[other] { $count } pain points
}, severity up to { $severity }
dialog-export-title = Export the table
dialog-export-hint = Saved as a .{ $ext } file.
dialog-empty-folder-ext = No folders or .{ $ext } files here.
tip-online = online
tip-offline = offline
tip-pain = { $icon } Severity { $severity }/5 · { $votes } { $votes ->
        [one] vote
       *[other] votes
    } · { $status }
tip-owner = Owner: { $owner }
tip-opportunity = Impact { $impact }/5 · effort { $effort }/5 · { $votes } { $votes ->
        [one] vote
       *[other] votes
    }
